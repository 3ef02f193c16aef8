using LiveStack.Testing;
using System.Threading.Channels;

namespace LiveStack.Client.Tests.App;

/// <summary>A DI service the handlers use.</summary>
public sealed class Greeter
{
    public string Salutation { get; init; } = "Hello";

    public string Greet(string name) => $"{Salutation}, {name}";
}

/// <summary>A DI service where handlers drop what they received, and components note their disposal.</summary>
public sealed class Inbox
{
    private readonly Channel<string> _items = Channel.CreateUnbounded<string>();
    private int _disposed;

    public int Disposed => Volatile.Read(ref _disposed);

    public void Add(string item) => _items.Writer.TryWrite(item);

    public void MarkDisposed() => Interlocked.Increment(ref _disposed);

    public async Task<string> NextAsync() => await _items.Reader.ReadAsync().AsTask().WaitAsync(TestWait.Timeout);
}

/// <summary>A component declared by attributes, with constructor injection; disposed with the app.</summary>
public sealed class CalculatorComponent(Greeter greeter, Inbox inbox) : IDisposable
{
    public const string GreetProcedure = "com.app.calculator.greet";
    public const string AddProcedure = "com.app.calculator.add";
    public const string LogTopic = "com.app.calculator.log";

    [Procedure(GreetProcedure)]
    public string Greet(string name) => greeter.Greet(name);

    [Procedure(AddProcedure)]
    public static int Add(int a, int b) => a + b;

    [Subscribe(LogTopic)]
    public void Log(string line) => inbox.Add($"log:{line}");

    public void Dispose() => inbox.MarkDisposed();
}

/// <summary>A component that declares its handlers in <see cref="ILiveComponent.Configure"/>.</summary>
public sealed class ConfiguredComponent(Inbox inbox) : ILiveComponent
{
    public const string DoubleProcedure = "com.app.configured.double";
    public const string NoteTopic = "com.app.configured.note";

    public void Configure(ILiveHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Register(DoubleProcedure, (int x) => x * 2);
        handlers.Subscribe(NoteTopic, (string note) => inbox.Add($"note:{note}"));
    }
}

/// <summary>Sets an environment variable for the life of the object (the variables are process-wide: see <see cref="EnvironmentTests"/>).</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariable(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}

/// <summary>Tests that set process-wide environment variables: they run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentTests
{
    public const string Name = "LiveStack environment variables";
}
