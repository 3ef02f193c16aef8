using System.Text.Json;

namespace LiveStack.Client.Binding;

/// <summary><see cref="ValueTask{TResult}"/>: awaited once, then its value becomes the result.</summary>
internal sealed class ValueTaskReturn<T>(JsonSerializerOptions jsonOptions) : ReturnAdapter(jsonOptions, typeof(T))
{
    /// <inheritdoc />
    public override async ValueTask<WampResult> ToResultAsync(object? returned, WampInvocation invocation, CancellationToken cancellationToken) =>
        returned is ValueTask<T> task ? Wrap(await task.ConfigureAwait(false)) : WampResult.Empty;

    /// <inheritdoc />
    public override async ValueTask CompleteAsync(object? returned)
    {
        if (returned is ValueTask<T> task)
        {
            await task.ConfigureAwait(false);
        }
    }
}
