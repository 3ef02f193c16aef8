using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client.Tests.Session;

/// <summary>Timeouts and small helpers shared by the session tests.</summary>
internal static class Wait
{
    /// <summary>How long an await that could hang may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A fresh URI under the secured realm's prefix (valid in realm1 too), so tests sharing a router never collide.</summary>
    public static string Uri(string name) => $"com.livestack.client.{name}.{Guid.NewGuid():N}";

    /// <summary>A completion source whose continuations never run inline on the receive loop.</summary>
    public static TaskCompletionSource<T> Source<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Waits until <paramref name="token"/> fires, then sets <paramref name="canceled"/> and throws.
    /// (A disposed <c>token.Register</c> may never run: the token's callbacks run in reverse order and
    /// a handler resumed by an earlier one can finish first.)
    /// </summary>
    public static async Task UntilCanceledAsync(TaskCompletionSource<bool> canceled, CancellationToken token)
    {
        try
        {
            await Task.Delay(System.Threading.Timeout.Infinite, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            canceled.TrySetResult(true);
            throw;
        }
    }

    /// <summary>A result carrying the given CLR values as positional arguments.</summary>
    public static WampResult Result(params object?[] values) => new(WampConvert.ToWampList(values));
}

/// <summary>Collects the events of a subscription handler; one sink, one handler delegate.</summary>
internal sealed class EventSink
{
    private readonly Channel<WampEvent> _events = Channel.CreateUnbounded<WampEvent>();

    public EventSink()
    {
        Handler = (e, _) =>
        {
            _events.Writer.TryWrite(e);
            return ValueTask.CompletedTask;
        };
    }

    public Func<WampEvent, CancellationToken, ValueTask> Handler { get; }

    public async Task<WampEvent> NextAsync() =>
        await _events.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout);

    /// <summary>True when an event is waiting (used after an ordering barrier, never with a delay).</summary>
    public bool HasPending => _events.Reader.TryPeek(out _);
}

/// <summary>A logger factory that keeps every entry (Debug and above) and lets a test wait for an event name.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly List<(string EventName, TaskCompletionSource<LogEntry> Source)> _waiters = [];
    private readonly Lock _lock = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public Task<LogEntry> WaitForAsync(string eventName)
    {
        lock (_lock)
        {
            var existing = _entries.FirstOrDefault(e => e.EventName == eventName);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var source = Wait.Source<LogEntry>();
            _waiters.Add((eventName, source));
            return source.Task.WaitAsync(Wait.Timeout);
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => w.EventName == entry.EventName).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Source.TrySetResult(entry);
            }
        }
    }

    internal sealed record LogEntry(LogLevel Level, string? EventName, string Message, Exception? Exception);

    private sealed class CapturingLogger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(logLevel, eventId.Name, formatter(state, exception), exception));
    }
}
