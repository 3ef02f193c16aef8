using LiveStack.Client;
using LiveStack.Client.Transports;
using LiveStack.Router.Sessions;
using LiveStack.Wamp.Messages;

namespace LiveStack.AspNetCore.InProcess;

/// <summary>A client connection that feeds a <see cref="RouterSession"/> directly and reads its outbox.</summary>
internal sealed class InProcessConnection(RouterSession session) : IWampConnection
{
    // The router takes inbound messages from one loop at a time; concurrent senders queue here.
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _disposed;

    public string Description => "in-process";

    public async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || session.State == SessionState.Closed)
            {
                throw new WampException(ClientErrors.ConnectionLost, "The in-process session is closed.");
            }

            await session.ReceiveAsync(message).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask<WampMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Aborted);
        try
        {
            if (await session.Outgoing.WaitToReadAsync(aborted.Token).ConfigureAwait(false) && session.Outgoing.TryRead(out var outgoing))
            {
                session.OnMessageSent();
                return outgoing.Message;
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The router cut the session off (e.g. a slow consumer); for the client that is a lost connection.
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            session.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
