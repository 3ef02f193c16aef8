using System.Text.Json;

namespace LiveStack.Client.Binding;

/// <summary>
/// <see cref="IAsyncEnumerable{T}"/>: each item is a progressive result when the caller asked for
/// them (then the final result is empty); otherwise the items are collected into one list argument.
/// A topic handler's stream is ignored, like any other return value.
/// </summary>
internal sealed class AsyncEnumerableReturn<T>(JsonSerializerOptions jsonOptions) : ReturnAdapter(jsonOptions, null)
{
    /// <inheritdoc />
    public override async ValueTask<WampResult> ToResultAsync(object? returned, WampInvocation invocation, CancellationToken cancellationToken)
    {
        if (returned is not IAsyncEnumerable<T> items)
        {
            return WampResult.Empty;
        }

        if (invocation.ReceiveProgress)
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await invocation.ProgressAsync(new WampResult([WampConvert.ToWamp(item, JsonOptions)]), cancellationToken).ConfigureAwait(false);
            }

            return WampResult.Empty;
        }

        var collected = new List<object?>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            collected.Add(WampConvert.ToWamp(item, JsonOptions));
        }

        return new WampResult([collected]);
    }
}
