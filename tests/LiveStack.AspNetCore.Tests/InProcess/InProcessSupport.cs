using LiveStack.Testing;
using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveStack.Client;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore.Tests.InProcess;

/// <summary>A DI service: where handlers drop what they received.</summary>
public sealed class Inbox
{
    private readonly Channel<string> _items = Channel.CreateUnbounded<string>();

    public void Add(string item) => _items.Writer.TryWrite(item);

    public async Task<string> NextAsync() => await _items.Reader.ReadAsync().AsTask().WaitAsync(TestWait.Timeout);
}

/// <summary>A DI service the component takes in its constructor.</summary>
public sealed class TaxRates
{
    public decimal Vat { get; init; } = 0.2m;
}

/// <summary>A server-side component: attributes and <see cref="ILiveComponent.Configure"/>, with constructor injection.</summary>
public sealed class PricingComponent(TaxRates rates, Inbox inbox) : ILiveComponent
{
    public const string GrossProcedure = "com.shop.gross";
    public const string OrderTopic = "com.shop.order";
    public const string RateProcedure = "com.shop.rate";

    [Procedure(GrossProcedure)]
    public decimal Gross(decimal net) => net * (1 + rates.Vat);

    [Subscribe(OrderTopic)]
    public void OnOrder(string item) => inbox.Add($"order:{item}");

    public void Configure(ILiveHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Register(RateProcedure, () => rates.Vat);
    }
}

/// <summary>How the meta API describes a session.</summary>
public sealed record SessionDetails(long Session, string? AuthId, string? AuthRole, string? AuthMethod);

/// <summary>Keeps every log entry of a host.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category} [{EventName}] {Message} {Exception}";
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId.Name, formatter(state, exception), exception));
    }
}
