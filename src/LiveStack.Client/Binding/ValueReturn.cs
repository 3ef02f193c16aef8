using System.Text.Json;

namespace LiveStack.Client.Binding;

/// <summary>A synchronous value (or a <see cref="WampResult"/>): the result carries it as its one argument.</summary>
internal sealed class ValueReturn(JsonSerializerOptions jsonOptions, Type valueType) : ReturnAdapter(jsonOptions, valueType)
{
    /// <inheritdoc />
    public override ValueTask<WampResult> ToResultAsync(object? returned, WampInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Wrap(returned));
}
