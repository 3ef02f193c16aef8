namespace LiveStack.Wamp.Tests;

/// <summary>Ids are integers in [1, 2^53] (WAMP.md §1.2).</summary>
public sealed class WampIdsTests
{
    [Theory]
    [InlineData(1L, true)]
    [InlineData(WampIds.Max, true)]
    [InlineData(0L, false)]
    [InlineData(-1L, false)]
    [InlineData(WampIds.Max + 1, false)]
    [InlineData(long.MinValue, false)]
    [InlineData(long.MaxValue, false)]
    public void IsValidMeansOneTo2Pow53(long id, bool valid) => Assert.Equal(valid, WampIds.IsValid(id));

    [Fact]
    public void MaxIs2Pow53() => Assert.Equal(9_007_199_254_740_992L, WampIds.Max);

    [Fact]
    public void GlobalIdsAreInRangeAndSpreadOverIt()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => WampIds.NewGlobalId()).ToArray();

        Assert.All(ids, id => Assert.True(WampIds.IsValid(id), $"{id} is outside [1, 2^53]."));
        // Uniform over [1, 2^53]: about half are above 2^52. All 10,000 below it has probability 2^-10000,
        // so this catches a generator stuck in a 32-bit or otherwise narrow range, never by chance.
        Assert.Contains(ids, id => id > WampIds.Max / 2);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(0L, 1L)]
    [InlineData(1L, 2L)]
    [InlineData(WampIds.Max - 1, WampIds.Max)]
    [InlineData(WampIds.Max, 1L)]
    public void NextCountsUpAndWrapsAfter2Pow53(long id, long next) => Assert.Equal(next, WampIds.Next(id));
}
