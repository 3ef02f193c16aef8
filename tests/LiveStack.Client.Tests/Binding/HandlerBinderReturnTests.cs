using System.Runtime.CompilerServices;
using LiveStack.Client.Binding;

namespace LiveStack.Client.Tests.Binding;

public class HandlerBinderReturnTests
{
    private static readonly HandlerBinder Binder = new(null, WampConvert.DefaultOptions);

    public sealed record Point(int X, int Y);

    [Fact]
    public async Task VoidTaskAndValueTaskReturnAnEmptyResult()
    {
        var calls = 0;
        var handlers = new Delegate[]
        {
            () => { calls++; },
            async () => { await Task.Yield(); calls++; },
            async ValueTask () => { await Task.Yield(); calls++; },
        };

        foreach (var handler in handlers)
        {
            var result = await Binder.BindProcedure(handler, Payloads.Procedure)(Payloads.Invocation(), default);
            Assert.Same(WampResult.Empty, result);
        }

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task WampResultIsReturnedAsIs()
    {
        var expected = new WampResult(["a"], Payloads.Keywords(("k", 1L)));
        var handlers = new Delegate[]
        {
            () => expected,
            async () => { await Task.Yield(); return expected; },
            async ValueTask<WampResult> () => { await Task.Yield(); return expected; },
        };

        foreach (var handler in handlers)
        {
            Assert.Same(expected, await Binder.BindProcedure(handler, Payloads.Procedure)(Payloads.Invocation(), default));
        }
    }

    [Fact]
    public async Task ValuesAndTasksOfValuesBecomeOneConvertedArgument()
    {
        var handlers = new Delegate[]
        {
            () => new Point(1, 2),
            async () => { await Task.Yield(); return new Point(1, 2); },
            async ValueTask<Point> () => { await Task.Yield(); return new Point(1, 2); },
        };

        foreach (var handler in handlers)
        {
            var result = await Binder.BindProcedure(handler, Payloads.Procedure)(Payloads.Invocation(), default);
            var point = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.Single(result.Arguments));
            Assert.Equal(1L, point["x"]);
            Assert.Equal(2L, point["y"]);
        }
    }

    [Fact]
    public async Task NullValueIsOneNullArgument()
    {
        var result = await Binder.BindProcedure(string? () => null, Payloads.Procedure)(Payloads.Invocation(), default);

        Assert.Null(Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task AsyncStreamSendsProgressiveResultsWhenTheCallerAsks()
    {
        var parts = new List<WampResult>();
        var bound = Binder.BindProcedure((int count) => Count(count), Payloads.Procedure);
        var invocation = Payloads.Invocation([3L], receiveProgress: true, progress: (part, _) =>
        {
            parts.Add(part);
            return ValueTask.CompletedTask;
        });

        var result = await bound(invocation, default);

        Assert.Same(WampResult.Empty, result);
        Assert.Equal([1L, 2L, 3L], parts.Select(p => Assert.Single(p.Arguments)));
    }

    [Fact]
    public async Task AsyncStreamIsCollectedIntoOneListWithoutProgress()
    {
        var parts = new List<WampResult>();
        var bound = Binder.BindProcedure((int count) => Count(count), Payloads.Procedure);

        var result = await bound(Payloads.Invocation([3L], progress: (part, _) =>
        {
            parts.Add(part);
            return ValueTask.CompletedTask;
        }), default);

        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Assert.Single(result.Arguments));
        Assert.Equal([1L, 2L, 3L], list);
        Assert.Empty(parts);
    }

    [Fact]
    public async Task AsyncStreamObservesTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();
        var bound = Binder.BindProcedure(() => Forever(), Payloads.Procedure);
        var invocation = Payloads.Invocation(receiveProgress: true, progress: async (_, _) => await cancellation.CancelAsync());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bound(invocation, cancellation.Token).AsTask());
    }

    [Fact]
    public async Task ExceptionsFromAsyncHandlersPropagateUnchanged()
    {
        var thrown = new InvalidOperationException("boom");
        var bound = Binder.BindProcedure(async Task<int> () =>
        {
            await Task.Yield();
            throw thrown;
        }, Payloads.Procedure);

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => bound(Payloads.Invocation(), default).AsTask());

        Assert.Same(thrown, caught);
    }

    [Fact]
    public async Task ExceptionsFromSynchronousHandlersPropagateUnwrapped()
    {
        var thrown = new WampException("com.example.error.nope", "no");
        var bound = Binder.BindProcedure(int () => throw thrown, Payloads.Procedure);

        var caught = await Assert.ThrowsAsync<WampException>(() => bound(Payloads.Invocation(), default).AsTask());

        Assert.Same(thrown, caught);
    }

    private static async IAsyncEnumerable<int> Count(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Forever([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; ; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
