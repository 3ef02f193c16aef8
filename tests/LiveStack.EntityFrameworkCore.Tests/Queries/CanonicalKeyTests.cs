using LiveStack.EntityFrameworkCore.Queries;

namespace LiveStack.EntityFrameworkCore.Tests.Queries;

/// <summary>Queries that mean the same share a canonical key; queries that differ never do.</summary>
public class CanonicalKeyTests(QueryDatabase database) : IClassFixture<QueryDatabase>
{
    [Theory]
    [InlineData("{'title':'a','done':true}", "{'done':true,'title':'a'}")]
    [InlineData("{'title':'a'}", "{'title':{'eq':'a'}}")]
    [InlineData("{'priority':{'lt':5,'gt':1}}", "{'priority':{'gt':1,'lt':5}}")]
    [InlineData("{'priority':2}", "{'priority':2.0}")]
    [InlineData("{'status':'Open'}", "{'status':0}")]
    [InlineData("{'status':'open'}", "{'status':'Open'}")]
    [InlineData("{'ref':'ABCDEF01-2345-6789-ABCD-EF0123456789'}", "{'ref':'abcdef01-2345-6789-abcd-ef0123456789'}")]
    [InlineData("{'or':[{'priority':1,'done':true}],'not':{'title':'x','id':2}}", "{'not':{'id':2,'title':'x'},'or':[{'done':true,'priority':1}]}")]
    public void SameMeaningSameKey(string first, string second)
    {
        Assert.Equal(database.Parse(first).CanonicalKey, database.Parse(second).CanonicalKey);
    }

    [Theory]
    [InlineData("{'title':'a'}", "{'title':'b'}")]
    [InlineData("{'title':'a'}", "{'title':'A'}")]
    [InlineData("{'title':'a'}", "{'title':{'ne':'a'}}")]
    [InlineData("{'title':'a'}", "{'title':null}")]
    [InlineData("{'title':'null'}", "{'title':null}")]
    [InlineData("{'title':'a'}", "{'not':{'title':'a'}}")]
    [InlineData("{'title':{'in':['a','b']}}", "{'title':{'in':['a,b']}}")]
    [InlineData("{'and':[{'done':true},{'priority':1}]}", "{'or':[{'done':true},{'priority':1}]}")]
    [InlineData("{'and':[{'done':true,'priority':1}]}", "{'and':[{'done':true},{'priority':1}]}")]
    [InlineData("{'priority':1}", "{'price':1}")]
    [InlineData("{'created':'2024-01-01T00:00:00'}", "{'created':'2024-01-01T00:00:00.0000001'}")]
    public void DifferentQueriesDifferentKeys(string first, string second)
    {
        Assert.NotEqual(database.Parse(first).CanonicalKey, database.Parse(second).CanonicalKey);
    }

    [Fact]
    public void ValuesCannotBreakTheKeysStructure()
    {
        var injected = new Dictionary<string, object?>(StringComparer.Ordinal) { ["title"] = "a\"}},\"done\":{\"eq\":true" };
        var honest = new Dictionary<string, object?>(StringComparer.Ordinal) { ["title"] = "a", ["done"] = true };

        var first = QueryParser.Parse<QueryItem>(database.Fields, injected, null, null, null, 10);
        var second = QueryParser.Parse<QueryItem>(database.Fields, honest, null, null, null, 10);

        Assert.NotEqual(first.CanonicalKey, second.CanonicalKey);
    }

    [Fact]
    public void OrderingAndPagingAreNormalized()
    {
        var key = database.Parse("{'done':true}", "'-title'", 0, null).CanonicalKey;

        Assert.Equal(key, database.Parse("{'done':true}", "'title desc'", null, QueryDatabase.MaxTake).CanonicalKey);
        Assert.Equal(key, database.Parse("{'done':true}", "['title DESC']", 0, 10_000).CanonicalKey);
        Assert.Equal(key, database.Parse("{'done':true}", "['-title','id']", 0, null).CanonicalKey);
        Assert.NotEqual(key, database.Parse("{'done':true}", "'title'").CanonicalKey);
        Assert.NotEqual(key, database.Parse("{'done':true}", "['-title','-id']").CanonicalKey);
        Assert.NotEqual(key, database.Parse("{'done':true}", "'-title'", 1, null).CanonicalKey);
        Assert.NotEqual(key, database.Parse("{'done':true}", "'-title'", 0, 5).CanonicalKey);
        Assert.NotEqual(key, database.Parse("{'done':true}").CanonicalKey);
    }

    [Fact]
    public void AnExplicitKeyOrderIsNotTheDefaultOrder()
    {
        Assert.NotEqual(database.Parse(null).CanonicalKey, database.Parse(null, "'id'").CanonicalKey);
        Assert.Equal(database.Parse(null).CanonicalKey, database.Parse(null, "[]").CanonicalKey);
        Assert.Equal(database.Parse(null).CanonicalKey, database.Parse("{}").CanonicalKey);
    }
}
