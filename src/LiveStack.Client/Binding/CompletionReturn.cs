using System.Text.Json;

namespace LiveStack.Client.Binding;

/// <summary>void, <see cref="Task"/> and <see cref="ValueTask"/>: awaited, then an empty result.</summary>
internal sealed class CompletionReturn(JsonSerializerOptions jsonOptions) : ReturnAdapter(jsonOptions, null)
{
    /// <inheritdoc />
    public override async ValueTask<WampResult> ToResultAsync(object? returned, WampInvocation invocation, CancellationToken cancellationToken)
    {
        await CompleteAsync(returned).ConfigureAwait(false);
        return WampResult.Empty;
    }

    /// <inheritdoc />
    public override ValueTask CompleteAsync(object? returned) => returned switch
    {
        Task task => new ValueTask(task),
        ValueTask valueTask => valueTask,
        _ => ValueTask.CompletedTask,
    };
}
