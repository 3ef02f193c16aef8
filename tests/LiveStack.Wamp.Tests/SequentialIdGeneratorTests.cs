namespace LiveStack.Wamp.Tests;

/// <summary>
/// Sequential ids start at 1 and never repeat while in range, even under contention. The wrap from
/// 2^53 to 1 is <see cref="WampIds.Next"/>'s, tested in WampIdsTests without reaching into the generator.
/// </summary>
public sealed class SequentialIdGeneratorTests
{
    [Fact]
    public void StartsAtOneAndCountsUp()
    {
        var generator = new SequentialIdGenerator();

        Assert.Equal([1L, 2L, 3L], [generator.Next(), generator.Next(), generator.Next()]);
    }

    [Fact]
    public async Task ConcurrentCallersGetDistinctConsecutiveIds()
    {
        const int Workers = 8;
        const int IdsPerWorker = 10_000;
        var generator = new SequentialIdGenerator();

        var batches = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() =>
            Enumerable.Range(0, IdsPerWorker).Select(_ => generator.Next()).ToArray())));

        var ids = batches.SelectMany(batch => batch).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Workers * IdsPerWorker).Select(i => (long)i), ids);
    }
}
