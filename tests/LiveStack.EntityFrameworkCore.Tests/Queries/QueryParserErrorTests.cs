using System.Text;
using LiveStack.Client;
using LiveStack.EntityFrameworkCore.Queries;
using LiveStack.Wamp;

namespace LiveStack.EntityFrameworkCore.Tests.Queries;

/// <summary>Invalid queries fail with <c>wamp.error.invalid_argument</c> and a message naming what is wrong.</summary>
public class QueryParserErrorTests(QueryDatabase database) : IClassFixture<QueryDatabase>
{
    [Theory]
    [InlineData("{'nope':1}", "'nope'")]
    [InlineData("{'secret':'x'}", "'secret'")]
    [InlineData("{'and':[{'or':[{'nope':1}]}]}", "'nope'")]
    [InlineData("{'title':{'like':'a'}}", "'like'")]
    [InlineData("{'title':{}}", "where.title")]
    [InlineData("{'title':5}", "'title'")]
    [InlineData("{'title':{'lt':null}}", "'title'")]
    [InlineData("{'title':{'contains':null}}", "'title'")]
    [InlineData("{'title':{'startsWith':['a']}}", "'title'")]
    [InlineData("{'priority':{'contains':'1'}}", "'priority'")]
    [InlineData("{'priority':{'startsWith':'1'}}", "'startsWith'")]
    [InlineData("{'id':{'endsWith':'1'}}", "'id'")]
    [InlineData("{'done':{'lt':true}}", "'done'")]
    [InlineData("{'ref':{'gte':'00000000-0000-0000-0000-000000000000'}}", "'ref'")]
    [InlineData("{'priority':'abc'}", "'priority'")]
    [InlineData("{'priority':1.5}", "'priority'")]
    [InlineData("{'priority':{'eq':99999999999}}", "'priority'")]
    [InlineData("{'priority':[1,2]}", "'priority'")]
    [InlineData("{'priority':{'in':5}}", "'priority'")]
    [InlineData("{'priority':{'in':[1,'x']}}", "where.priority.in[1]")]
    [InlineData("{'done':null}", "'done'")]
    [InlineData("{'done':{'in':[true,null]}}", "'done'")]
    [InlineData("{'done':'yes'}", "'done'")]
    [InlineData("{'created':'not a date'}", "'created'")]
    [InlineData("{'created':{'gt':5}}", "'created'")]
    [InlineData("{'status':'Nope'}", "'status'")]
    [InlineData("{'status':99}", "'status'")]
    [InlineData("{'status':1.5}", "'status'")]
    [InlineData("{'price':'abc'}", "'price'")]
    [InlineData("{'price':{'gt':true}}", "'price'")]
    [InlineData("{'ref':'not-a-guid'}", "'ref'")]
    [InlineData("{'ref':{'eq':{'a':1}}}", "'ref'")]
    [InlineData("{'and':{'done':true}}", "where.and")]
    [InlineData("{'or':[1]}", "where.or[0]")]
    [InlineData("{'or':'x'}", "where.or")]
    [InlineData("{'not':[]}", "where.not")]
    [InlineData("{'not':{'and':[{'done':true},{'title':{'gt':1}}]}}", "where.not.and[1].title")]
    public void InvalidFiltersNameTheField(string where, string named)
    {
        var error = Assert.Throws<WampException>(() => database.Parse(where));

        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.Contains(named, Message(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'nope'", "'nope'")]
    [InlineData("'secret'", "'secret'")]
    [InlineData("['title','nope desc']", "'nope'")]
    [InlineData("'title sideways'", "title sideways")]
    [InlineData("'-title desc'", "-title desc")]
    [InlineData("'title desc extra'", "title desc extra")]
    [InlineData("''", "orderBy")]
    [InlineData("'-'", "orderBy")]
    [InlineData("5", "orderBy")]
    [InlineData("{'title':1}", "orderBy")]
    [InlineData("['title',5]", "orderBy")]
    [InlineData("['title','-title']", "'title'")]
    public void InvalidOrderingsNameTheField(string orderBy, string named)
    {
        var error = Assert.Throws<WampException>(() => database.Parse(null, orderBy));

        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.Contains(named, Message(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1L, null, "skip")]
    [InlineData(null, -1L, "take")]
    [InlineData(3_000_000_000L, null, "skip")]
    public void NegativeOrHugePagesAreRejected(long? skip, long? take, string named)
    {
        var error = Assert.Throws<WampException>(() => database.Parse(null, null, skip, take));

        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.StartsWith(named, Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanEightLevelsIsRejected()
    {
        Assert.NotNull(database.Parse(Nested(8)).Filter);

        var error = Assert.Throws<WampException>(() => database.Parse(Nested(9)));
        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.Contains("deeper than 8", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanFiftyConditionsAreRejected()
    {
        Assert.NotNull(database.Parse(Conditions(50)).Filter);

        var error = Assert.Throws<WampException>(() => database.Parse(Conditions(51)));
        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.Contains("more than 50 conditions", Message(error), StringComparison.Ordinal);
        Assert.Contains("where.or[50].priority", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyWhereObjectsCountAsConditions()
    {
        var empties = "{'and':[" + string.Join(',', Enumerable.Repeat("{}", 51)) + "]}";

        var error = Assert.Throws<WampException>(() => database.Parse(empties));
        Assert.Contains("more than 50 conditions", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void LongInListsAreRejected()
    {
        var values = string.Join(',', Enumerable.Range(0, QueryParser.MaxInValues + 1));

        Assert.NotNull(database.Parse("{'id':{'in':[" + values[..values.LastIndexOf(',')] + "]}}").Filter);
        var error = Assert.Throws<WampException>(() => database.Parse("{'id':{'in':[" + values + "]}}"));
        Assert.Contains("'id'", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void NaNIsNotAValue()
    {
        var where = new Dictionary<string, object?>(StringComparer.Ordinal) { ["price"] = double.NaN };

        var error = Assert.Throws<WampException>(() => QueryParser.Parse<QueryItem>(database.Fields, where, null, null, null, 10));
        Assert.Contains("'price'", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void MisuseByTheServerIsAnArgumentException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueryParser.Parse<QueryItem>(database.Fields, null, null, null, null, 0));
        Assert.Throws<ArgumentException>(() => QueryParser.Parse<QueryDatabase>(database.Fields, null, null, null, null, 10));
        Assert.Throws<ArgumentException>(() => new QueryFields(typeof(QueryItem), new Dictionary<string, System.Reflection.PropertyInfo>(), []));
        Assert.Throws<ArgumentException>(() => new QueryFields(
            typeof(QueryItem),
            new Dictionary<string, System.Reflection.PropertyInfo> { ["path"] = typeof(QueryDatabase).GetProperty(nameof(QueryDatabase.Path))! },
            [typeof(QueryItem).GetProperty(nameof(QueryItem.Id))!]));
    }

    private static string Message(WampException error) => Assert.IsType<string>(Assert.Single(error.Arguments));

    // {'not':{'not':...{'done':true}}}: `levels` where-objects deep.
    private static string Nested(int levels)
    {
        var json = new StringBuilder("{'done':true}");
        for (var i = 1; i < levels; i++)
        {
            json.Insert(0, "{'not':").Append('}');
        }

        return json.ToString();
    }

    private static string Conditions(int count) =>
        "{'or':[" + string.Join(',', Enumerable.Range(0, count).Select(i => $"{{'priority':{i}}}")) + "]}";
}
