using LiveStack.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests.Queries;

/// <summary>SQLite's ORDER BY (with the key as tie-breaker) and paging agree with sorting by <c>Comparer</c> in memory.</summary>
public class QueryOrderingTests(QueryDatabase database) : IClassFixture<QueryDatabase>
{
    [Theory]
    [InlineData("'title'")]
    [InlineData("'-title'")]
    [InlineData("'title desc'")]
    [InlineData("'  title   DESC '")]
    [InlineData("'title asc'")]
    [InlineData("'priority'")]
    [InlineData("'-priority'")]
    [InlineData("'done'")]
    [InlineData("'-done'")]
    [InlineData("'created'")]
    [InlineData("'-created'")]
    [InlineData("'status'")]
    [InlineData("'-status'")]
    [InlineData("'price'")]
    [InlineData("'-price'")]
    [InlineData("'ref'")]
    [InlineData("'-ref'")]
    [InlineData("'-id'")]
    [InlineData("['done','-priority']")]
    [InlineData("['status','title desc','-price']")]
    [InlineData("['-created','done']")]
    [InlineData("[]")]
    public void SqlOrderEqualsSortingWithTheComparer(string orderBy)
    {
        var query = database.Parse(null, orderBy);
        using var db = database.Open();

        var sql = query.Apply(db.Items.AsNoTracking(), paged: false).Select(i => i.Id).ToList();
        var memory = database.Seed.Order(query.Comparer).Select(i => i.Id).ToList();

        Assert.Equal(memory, sql);
        Assert.Equal(orderBy != "[]", query.IsOrdered);
    }

    [Fact]
    public void NullsComeFirstAscendingAndLastDescendingWithTheKeyBreakingTies()
    {
        var ascending = Ids(database.Parse(null, "'priority'"));
        var descending = Ids(database.Parse(null, "'-priority'"));

        Assert.Equal([2, 6, 9, 15, 14, 13, 1, 7, 12, 5, 10, 16, 3, 11, 8, 4], ascending);
        Assert.Equal([4, 8, 3, 11, 5, 10, 16, 1, 7, 12, 13, 14, 2, 6, 9, 15], descending);
    }

    [Fact]
    public void TextOrdersByCodePointAndGuidsByTheirText()
    {
        Assert.Equal([4, 15, 13, 3, 1, 6, 14, 7, 2, 16, 5, 12, 8, 9, 10, 11], Ids(database.Parse(null, "'title'")));
        var byRef = database.Seed.OrderBy(i => i.Ref.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).Select(i => i.Id);
        Assert.Equal(byRef, Ids(database.Parse(null, "'ref'")));
    }

    [Fact]
    public void TheKeyIsAppendedUnlessAlreadyOrdered()
    {
        var byTitle = database.Parse(null, "'title'");
        var byId = database.Parse(null, "['-id','title']");
        var none = database.Parse(null);

        Assert.Equal([(nameof(QueryItem.Title), false), (nameof(QueryItem.Id), false)], byTitle.Order.Select(o => (o.Property.Name, o.Descending)));
        Assert.Equal([(nameof(QueryItem.Id), true), (nameof(QueryItem.Title), false)], byId.Order.Select(o => (o.Property.Name, o.Descending)));
        Assert.Equal([(nameof(QueryItem.Id), false)], none.Order.Select(o => (o.Property.Name, o.Descending)));
        Assert.False(none.IsOrdered);
        Assert.Equal(Enumerable.Range(1, 16), Ids(none));
    }

    [Theory]
    [InlineData(null, null, 0, QueryDatabase.MaxTake)]
    [InlineData(3L, 5L, 3, 5)]
    [InlineData(0L, 0L, 0, 0)]
    [InlineData(14L, 1000L, 14, QueryDatabase.MaxTake)]
    [InlineData(20L, 5L, 20, 5)]
    public void PagesAreTheSameSliceInSqlAndInMemory(long? skip, long? take, int expectedSkip, int expectedTake)
    {
        var query = database.Parse("{'title':{'ne':'zeta'}}", "['-done','priority']", skip, take);
        using var db = database.Open();

        var sql = query.Apply(db.Items.AsNoTracking()).Select(i => i.Id).ToList();
        var memory = database.Seed.Where(query.Matches).Order(query.Comparer).Skip(query.Skip).Take(query.Take).Select(i => i.Id).ToList();

        Assert.Equal(expectedSkip, query.Skip);
        Assert.Equal(expectedTake, query.Take);
        Assert.Equal(memory, sql);
    }

    [Fact]
    public void ComparersAreCompiledOncePerField()
    {
        var first = database.Fields.Comparer<QueryItem>(typeof(QueryItem).GetProperty(nameof(QueryItem.Title))!, descending: true);
        var second = database.Fields.Comparer<QueryItem>(typeof(QueryItem).GetProperty(nameof(QueryItem.Title))!, descending: true);

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("b", "a", 1)]
    [InlineData("a", "a", 0)]
    [InlineData("a", "ab", -1)]
    [InlineData("\ue000", "\U0001F600", -1)]
    [InlineData("\uffff", "\U00010000", -1)]
    [InlineData("\U0001F600", "\U0001F601", -1)]
    [InlineData(null, "", -1)]
    [InlineData(null, null, 0)]
    public void TextComparesByCodePoint(string? a, string? b, int expected)
    {
        Assert.Equal(expected, Math.Sign(QueryComparers.CompareStrings(a, b)));
        Assert.Equal(-expected, Math.Sign(QueryComparers.CompareStrings(b, a)));
    }

    private List<int> Ids(EntityQuery<QueryItem> query)
    {
        using var db = database.Open();
        var sql = query.Apply(db.Items.AsNoTracking(), paged: false).Select(i => i.Id).ToList();
        Assert.Equal(database.Seed.Order(query.Comparer).Select(i => i.Id), sql);
        return sql;
    }
}
