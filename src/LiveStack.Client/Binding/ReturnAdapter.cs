using System.Text.Json;

namespace LiveStack.Client.Binding;

/// <summary>
/// Turns what a handler returns into a <see cref="WampResult"/> (procedures) or just awaits it
/// (topics). One subclass per return kind, chosen once at bind time by <see cref="Create"/>.
/// </summary>
internal abstract class ReturnAdapter
{
    private readonly bool _declaresResult;

    /// <param name="jsonOptions">The conversion options.</param>
    /// <param name="valueType">The type of the value the handler produces (the T of Task&lt;T&gt;), if any.</param>
    protected ReturnAdapter(JsonSerializerOptions jsonOptions, Type? valueType)
    {
        JsonOptions = jsonOptions;
        _declaresResult = valueType == typeof(WampResult);
    }

    /// <summary>The conversion options.</summary>
    protected JsonSerializerOptions JsonOptions { get; }

    /// <summary>Chooses the adapter for a handler's declared return type.</summary>
    public static ReturnAdapter Create(Type returnType, JsonSerializerOptions jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(returnType);
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return new CompletionReturn(jsonOptions);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return Generic(typeof(TaskReturn<>), returnType.GetGenericArguments()[0], jsonOptions);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return Generic(typeof(ValueTaskReturn<>), returnType.GetGenericArguments()[0], jsonOptions);
        }

        if (AsyncItemType(returnType) is { } item)
        {
            return Generic(typeof(AsyncEnumerableReturn<>), item, jsonOptions);
        }

        return new ValueReturn(jsonOptions, returnType);
    }

    /// <summary>Awaits what a procedure handler returned and makes the result of the call.</summary>
    public abstract ValueTask<WampResult> ToResultAsync(object? returned, WampInvocation invocation, CancellationToken cancellationToken);

    /// <summary>Awaits what a topic handler returned (when it is a task) and ignores its value.</summary>
    public virtual ValueTask CompleteAsync(object? returned) => ValueTask.CompletedTask;

    /// <summary>A result carrying one value: the value itself when it is a <see cref="WampResult"/>.</summary>
    protected WampResult Wrap(object? value) => value switch
    {
        WampResult result => result,
        null when _declaresResult => WampResult.Empty,
        _ => new WampResult([WampConvert.ToWamp(value, JsonOptions)]),
    };

    private static ReturnAdapter Generic(Type definition, Type argument, JsonSerializerOptions jsonOptions) =>
        (ReturnAdapter)Activator.CreateInstance(definition.MakeGenericType(argument), jsonOptions)!;

    private static Type? AsyncItemType(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return type.GetGenericArguments()[0];
        }

        var found = type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)).ToArray();
        return found.Length == 1 ? found[0].GetGenericArguments()[0] : null;
    }
}
