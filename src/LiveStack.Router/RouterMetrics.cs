using System.Diagnostics.Metrics;

namespace LiveStack.Router;

/// <summary>
/// The <c>LiveStack.Router</c> meter: sessions, messages in and out, dropped events and the
/// total depth of outbound queues.
/// </summary>
internal sealed class RouterMetrics : IDisposable
{
    public const string MeterName = "LiveStack.Router";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _sessions;
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Counter<long> _eventsDropped;
    private long _queued;

    public RouterMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _sessions = _meter.CreateUpDownCounter<long>("livestack.router.sessions", "{session}", "Sessions currently open.");
        _messagesIn = _meter.CreateCounter<long>("livestack.router.messages.received", "{message}", "WAMP messages received from clients.");
        _messagesOut = _meter.CreateCounter<long>("livestack.router.messages.sent", "{message}", "WAMP messages written to clients.");
        _eventsDropped = _meter.CreateCounter<long>("livestack.router.events.dropped", "{event}", "EVENTs lost because a subscriber's queue was full.");
        _meter.CreateObservableGauge("livestack.router.queue.depth", () => Interlocked.Read(ref _queued), "{message}", "Messages waiting in all outbound queues.");
    }

    public void SessionOpened() => _sessions.Add(1);

    public void SessionClosed() => _sessions.Add(-1);

    public void MessageReceived() => _messagesIn.Add(1);

    public void MessageQueued() => Interlocked.Increment(ref _queued);

    public void MessageSent()
    {
        Interlocked.Decrement(ref _queued);
        _messagesOut.Add(1);
    }

    public void EventDropped() => _eventsDropped.Add(1);

    public void Dispose() => _meter.Dispose();
}
