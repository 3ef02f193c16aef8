using LiveStack.Client;

namespace LiveStack.EntityFrameworkCore;

/// <summary>One caller's subscription to a shared live query: the progressive call its updates travel on.</summary>
internal sealed class LiveStream(WampInvocation invocation)
{
    private int _closed;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public void Close() => Volatile.Write(ref _closed, 1);

    /// <summary>Sends one update; a caller that is gone closes the stream.</summary>
    public async Task SendAsync(Dictionary<string, object?> update)
    {
        if (IsClosed)
        {
            return;
        }

        try
        {
            await invocation.ProgressAsync(new WampResult([update])).ConfigureAwait(false);
        }
        catch (WampException)
        {
            Close();
        }
    }
}
