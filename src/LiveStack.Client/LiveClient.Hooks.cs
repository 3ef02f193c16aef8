namespace LiveStack.Client;

public sealed partial class LiveClient
{
    private readonly List<Func<string, Task>> _connected = [];
    private readonly List<Func<WampSession, Task>> _joined = [];
    private readonly List<Func<WampSession, Task>> _readyHooks = [];
    private readonly List<Func<WampSessionEnd, Task>> _left = [];
    private readonly List<Func<WampSessionEnd, Task>> _disconnected = [];

    /// <summary>Runs <paramref name="hook"/> each time a transport connects (before HELLO), with the router address.</summary>
    public LiveClient OnConnected(Func<string, Task> hook) => Add(_connected, hook);

    /// <summary>Runs <paramref name="hook"/> each time a session is welcomed, before declarations are re-established.</summary>
    public LiveClient OnJoined(Func<WampSession, Task> hook) => Add(_joined, hook);

    /// <summary>Runs <paramref name="hook"/> each time a session is ready: joined, with every declared subscription and registration in place.</summary>
    public LiveClient OnReady(Func<WampSession, Task> hook) => Add(_readyHooks, hook);

    /// <summary>Runs <paramref name="hook"/> each time a session ends, with how it ended.</summary>
    public LiveClient OnLeft(Func<WampSessionEnd, Task> hook) => Add(_left, hook);

    /// <summary>Runs <paramref name="hook"/> each time the transport is gone (after <see cref="OnLeft"/>).</summary>
    public LiveClient OnDisconnected(Func<WampSessionEnd, Task> hook) => Add(_disconnected, hook);

    private LiveClient Add<T>(List<Func<T, Task>> hooks, Func<T, Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_gate)
        {
            hooks.Add(hook);
        }

        return this;
    }

    // A failing hook is logged and does not stop the cycle: one broken hook must not take the connection down.
    private async Task RunHooksAsync<T>(string name, List<Func<T, Task>> hooks, T argument)
    {
        Func<T, Task>[] snapshot;
        lock (_gate)
        {
            snapshot = [.. hooks];
        }

        foreach (var hook in snapshot)
        {
            try
            {
                await hook(argument).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                ClientLog.HookFailed(_logger, name, e);
            }
        }
    }
}
