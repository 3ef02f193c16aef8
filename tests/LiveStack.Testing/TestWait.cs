using LiveStack.Client;

namespace LiveStack.Testing;

/// <summary>Bounded waits for tests that talk to a real router through the .NET client.</summary>
public static class TestWait
{
    /// <summary>How long an await that could hang may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/> after <see cref="Timeout"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes with acknowledgement, so the router has routed the event when this returns.</summary>
    public static Task PublishAsync(WampSession session, string topic, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.PublishAsync(topic, WampConvert.ToWampList(arguments), null, new PublishOptions { Acknowledge = true }).WaitAsync(Timeout);
    }
}
