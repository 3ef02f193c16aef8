using System.Text.Json;

namespace LiveStack.Client.Binding;

/// <summary><see cref="Task{TResult}"/>: awaited, then its value becomes the result.</summary>
internal sealed class TaskReturn<T>(JsonSerializerOptions jsonOptions) : ReturnAdapter(jsonOptions, typeof(T))
{
    /// <inheritdoc />
    public override async ValueTask<WampResult> ToResultAsync(object? returned, WampInvocation invocation, CancellationToken cancellationToken) =>
        returned is Task<T> task ? Wrap(await task.ConfigureAwait(false)) : WampResult.Empty;

    /// <inheritdoc />
    public override ValueTask CompleteAsync(object? returned) =>
        returned is Task<T> task ? new ValueTask(task) : ValueTask.CompletedTask;
}
