using LiveStack.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests.Queries;

/// <summary>Every operator and combinator, run by EF on SQLite and by <c>Matches</c> in memory, selects the same rows.</summary>
public class QueryTranslationTests(QueryDatabase database) : IClassFixture<QueryDatabase>
{
    [Theory]
    [InlineData("{'title':'apple'}")]
    [InlineData("{'title':null}")]
    [InlineData("{'title':{'eq':'Apple'}}")]
    [InlineData("{'title':{'ne':'apple'}}")]
    [InlineData("{'title':{'ne':null}}")]
    [InlineData("{'title':{'lt':'apple'}}")]
    [InlineData("{'title':{'lte':'apple'}}")]
    [InlineData("{'title':{'gt':'b'}}")]
    [InlineData("{'title':{'gte':'\u00e9'}}")]
    [InlineData("{'title':{'gt':'\ue000'}}")]
    [InlineData("{'title':{'lt':'\U0001F600'}}")]
    [InlineData("{'title':{'in':['apple','zeta',null]}}")]
    [InlineData("{'title':{'contains':'pple'}}")]
    [InlineData("{'title':{'contains':'PPLE'}}")]
    [InlineData("{'title':{'contains':'_b%'}}")]
    [InlineData("{'title':{'contains':''}}")]
    [InlineData("{'title':{'startsWith':'app'}}")]
    [InlineData("{'title':{'startsWith':'App'}}")]
    [InlineData("{'title':{'startsWith':'a_'}}")]
    [InlineData("{'title':{'startsWith':'a_b%'}}")]
    [InlineData("{'title':{'startsWith':'\U0001F600'}}")]
    [InlineData("{'title':{'startsWith':''}}")]
    [InlineData("{'title':{'endsWith':'apple'}}")]
    [InlineData("{'title':{'endsWith':'Apple'}}")]
    [InlineData("{'title':{'endsWith':'%c'}}")]
    [InlineData("{'title':{'endsWith':'split'}}")]
    [InlineData("{'title':{'endsWith':''}}")]
    [InlineData("{'done':true}")]
    [InlineData("{'done':{'ne':true}}")]
    [InlineData("{'done':{'in':[false]}}")]
    [InlineData("{'priority':2}")]
    [InlineData("{'priority':2.0}")]
    [InlineData("{'priority':null}")]
    [InlineData("{'priority':{'ne':2}}")]
    [InlineData("{'priority':{'ne':null}}")]
    [InlineData("{'priority':{'lt':2}}")]
    [InlineData("{'priority':{'lte':2}}")]
    [InlineData("{'priority':{'gt':2}}")]
    [InlineData("{'priority':{'gte':2}}")]
    [InlineData("{'priority':{'gte':1,'lt':4}}")]
    [InlineData("{'priority':{'in':[1,3,null]}}")]
    [InlineData("{'priority':{'in':[1,3]}}")]
    [InlineData("{'created':'2024-01-01T10:00:00'}")]
    [InlineData("{'created':{'lt':'2024-01-01T10:00:00'}}")]
    [InlineData("{'created':{'lte':'2024-01-01T10:00:00'}}")]
    [InlineData("{'created':{'gt':'2024-01-01T10:00:00'}}")]
    [InlineData("{'created':{'gte':'2024-02-29'}}")]
    [InlineData("{'created':{'ne':'2024-01-01T10:00:00'}}")]
    [InlineData("{'created':{'in':['2024-01-02T10:00:00','2023-06-15']}}")]
    [InlineData("{'status':'Open'}")]
    [InlineData("{'status':'inProgress'}")]
    [InlineData("{'status':2}")]
    [InlineData("{'status':{'ne':'Open'}}")]
    [InlineData("{'status':{'lt':'InProgress'}}")]
    [InlineData("{'status':{'gte':'Open'}}")]
    [InlineData("{'status':{'in':['Archived','Closed']}}")]
    [InlineData("{'price':1.5}")]
    [InlineData("{'price':'1.50'}")]
    [InlineData("{'price':10}")]
    [InlineData("{'price':{'ne':10}}")]
    [InlineData("{'price':{'lt':2}}")]
    [InlineData("{'price':{'lte':1.5}}")]
    [InlineData("{'price':{'gt':9.99}}")]
    [InlineData("{'price':{'gte':10}}")]
    [InlineData("{'price':{'in':[0,100,999.99]}}")]
    [InlineData("{'ref':'ffffffff-0000-0000-0000-000000000000'}")]
    [InlineData("{'ref':'ABCDEF01-2345-6789-ABCD-EF0123456789'}")]
    [InlineData("{'ref':{'ne':'00000000-0000-0000-0000-000000000000'}}")]
    [InlineData("{'ref':{'in':['00000001-0000-0000-0000-000000000000','7fffffff-ffff-ffff-ffff-ffffffffffff']}}")]
    [InlineData("{'id':{'in':[]}}", true)]
    [InlineData("{'done':true,'priority':{'gt':1}}")]
    [InlineData("{'and':[{'done':true},{'title':{'startsWith':'a'}}]}")]
    [InlineData("{'or':[{'priority':null},{'title':null}]}")]
    [InlineData("{'or':[{'status':'Closed'},{'and':[{'done':false},{'price':{'gt':5}}]}]}")]
    [InlineData("{'not':{'priority':{'gt':2}}}")]
    [InlineData("{'not':{'title':{'lt':'b'}}}")]
    [InlineData("{'not':{'title':{'contains':'pple'}}}")]
    [InlineData("{'not':{'title':{'startsWith':'app'}}}")]
    [InlineData("{'not':{'title':{'endsWith':'pple'}}}")]
    [InlineData("{'not':{'priority':{'in':[1,2]}}}")]
    [InlineData("{'not':{'title':'apple'}}")]
    [InlineData("{'not':{'or':[{'done':true},{'priority':null}]}}")]
    [InlineData("{'not':{'not':{'priority':{'lte':2}}}}")]
    [InlineData("{'and':[]}", true)]
    [InlineData("{'or':[]}", true)]
    [InlineData("{'not':{}}", true)]
    [InlineData("{'or':[{'and':[{'not':{'done':true}},{'priority':{'ne':null}}]},{'title':{'endsWith':'a'}}]}")]
    public void SqlAndMemorySelectTheSameRowsInTheSameOrder(string where, bool trivial = false)
    {
        var query = database.Parse(where);

        var (sql, memory) = Run(query);

        Assert.Equal(memory, sql);
        if (!trivial)
        {
            Assert.InRange(sql.Count, 1, database.Seed.Count - 1);
        }
    }

    [Theory]
    [InlineData("{'title':{'startsWith':'app'}}", new[] { 2, 16 })]
    [InlineData("{'title':{'endsWith':'Apple'}}", new[] { 1 })]
    [InlineData("{'title':{'contains':'PPLE'}}", new[] { 3 })]
    [InlineData("{'title':{'startsWith':'a_'}}", new[] { 7 })]
    [InlineData("{'title':{'lt':'B'}}", new[] { 1, 3, 13 })]
    [InlineData("{'priority':{'ne':2}}", new[] { 1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 15 })]
    [InlineData("{'not':{'priority':{'gt':2}}}", new[] { 1, 2, 5, 6, 7, 9, 10, 12, 13, 14, 15, 16 })]
    [InlineData("{'not':{'title':{'startsWith':'app'}}}", new[] { 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 })]
    [InlineData("{'title':{'in':['apple',null]}}", new[] { 2, 4, 15, 16 })]
    [InlineData("{'price':10}", new[] { 2, 16 })]
    [InlineData("{'created':{'lt':'2024-01-01T10:00:00'}}", new[] { 4, 7, 11, 13 })]
    [InlineData("{'status':{'lt':'Open'}}", new[] { 5, 10 })]
    public void OperatorsMeanWhatTheLanguageSays(string where, int[] expected)
    {
        var (sql, memory) = Run(database.Parse(where, "'id'"));

        Assert.Equal(expected, sql);
        Assert.Equal(expected, memory);
    }

    [Theory]
    [InlineData("{'title':{'eq':'a'}}")]
    [InlineData("{'title':{'ne':'a'}}")]
    [InlineData("{'title':{'lt':'a'}}")]
    [InlineData("{'title':{'lte':'a'}}")]
    [InlineData("{'title':{'gt':'a'}}")]
    [InlineData("{'title':{'gte':'a'}}")]
    [InlineData("{'title':{'in':['a','b']}}")]
    [InlineData("{'title':{'contains':'a'}}")]
    [InlineData("{'title':{'startsWith':'a'}}")]
    [InlineData("{'title':{'endsWith':'a'}}")]
    [InlineData("{'priority':{'eq':1,'ne':2,'lt':3,'lte':4,'gt':5,'gte':6,'in':[7]}}")]
    [InlineData("{'created':{'eq':'2024-01-01','ne':'2024-01-01','lt':'2024-01-01','lte':'2024-01-01','gt':'2024-01-01','gte':'2024-01-01','in':['2024-01-01']}}")]
    [InlineData("{'status':{'eq':'Open','ne':'Open','lt':'Open','lte':'Open','gt':'Open','gte':'Open','in':['Open']}}")]
    [InlineData("{'price':{'eq':1,'ne':1,'lt':1,'lte':1,'gt':1,'gte':1,'in':[1]}}")]
    [InlineData("{'ref':{'eq':'00000000-0000-0000-0000-000000000000','ne':'00000000-0000-0000-0000-000000000000','in':['00000000-0000-0000-0000-000000000000']}}")]
    [InlineData("{'done':{'eq':true,'ne':false,'in':[true]}}")]
    [InlineData("{'and':[{'done':true}],'or':[{'done':false}],'not':{'done':true}}")]
    public void EveryOperatorTranslatesToParameterizedSql(string where)
    {
        var query = database.Parse(where, "['-title','priority']", skip: 1, take: 3);
        using var db = database.Open();

        var applied = query.Apply(db.Items);
        var sql = applied.ToQueryString();
        _ = applied.ToList();

        Assert.DoesNotContain("'a'", SqlOnly(sql), StringComparison.Ordinal);
        Assert.DoesNotContain("2024-01-01", SqlOnly(sql), StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT @", sql, StringComparison.Ordinal);
        Assert.Contains("OFFSET @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void QueriesDifferingOnlyInLiteralsShareTheirSql()
    {
        using var db = database.Open();

        var first = database.Parse("{'title':{'startsWith':'app'},'priority':{'in':[1,2]},'price':{'gt':1}}", skip: 0, take: 5).Apply(db.Items).ToQueryString();
        var second = database.Parse("{'title':{'startsWith':'zz'},'priority':{'in':[3,4]},'price':{'gt':7.5}}", skip: 2, take: 9).Apply(db.Items).ToQueryString();

        Assert.Equal(SqlOnly(first), SqlOnly(second));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void NoFilterMatchesEverything()
    {
        var query = database.Parse(null);

        Assert.Null(query.Filter);
        Assert.All(database.Seed, item => Assert.True(query.Matches(item)));
        Assert.Same(query.Matches, query.Matches);
        Assert.Null(database.Parse("{}").Filter);
    }

    private (List<int> Sql, List<int> Memory) Run(EntityQuery<QueryItem> query)
    {
        using var db = database.Open();
        var sql = query.Apply(db.Items.AsNoTracking(), paged: false).Select(i => i.Id).ToList();
        var memory = database.Seed.Where(query.Matches).Order(query.Comparer).Select(i => i.Id).ToList();
        return (sql, memory);
    }

    // ToQueryString prefixes the SQL with the parameters' values (".param set @p 'a'").
    private static string SqlOnly(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
}
