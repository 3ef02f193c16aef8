using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>One captured log entry with its structured values (e.g. <c>AuthId</c>, <c>Peer</c>).</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

/// <summary>
/// A logger provider that keeps every entry at or above <paramref name="minimum"/>, so tests can
/// assert what the router logged. Entries are kept in memory; the minimum keeps that small.
/// </summary>
internal sealed class LogCapture(LogLevel minimum) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    private LogLevel Minimum { get; } = minimum;

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture.Minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            capture._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
