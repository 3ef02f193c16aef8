using System.Runtime.ExceptionServices;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>The sockets and loops of one scenario run; disposing it stops the loops and drops the sockets.</summary>
internal sealed class LoadSet(CancellationToken cancellationToken) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly List<BenchSocket> _sockets = [];
    private readonly List<Task> _loops = [];

    public CancellationToken Token => _stop.Token;

    public async Task<BenchSocket> OpenSessionAsync(ScenarioContext context, ReceiveBuffer buffer)
    {
        var socket = await context.OpenSessionAsync(buffer, Token).ConfigureAwait(false);
        _sockets.Add(socket);
        return socket;
    }

    public void Run(Task loop) => _loops.Add(loop);

    /// <summary>Rethrows the first failure of a loop, so a broken run reports its cause instead of a low number.</summary>
    public void ThrowIfFaulted()
    {
        if (_loops.FirstOrDefault(t => t.IsFaulted) is { Exception: { } failure })
        {
            ExceptionDispatchInfo.Throw(failure.InnerException ?? failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // Newest first: callers go before their callee, so no call is left waiting on a callee that vanished.
        for (var i = _sockets.Count - 1; i >= 0; i--)
        {
            _sockets[i].Dispose();
        }

        // The loops end by cancellation or by their socket going away; neither is news here.
        await Task.WhenAll(_loops).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
    }
}
