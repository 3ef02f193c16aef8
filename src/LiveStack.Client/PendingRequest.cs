using System.Threading.Channels;
using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

/// <summary>A request waiting for the router's reply. <see cref="OnReply"/> runs on the receive loop.</summary>
internal abstract class PendingRequest
{
    /// <summary>Takes a reply; returns true when the request is finished.</summary>
    public abstract bool OnReply(WampMessage reply);

    public abstract void Fail(Exception exception);
}

/// <summary>A request answered by exactly one message. An optional action runs on the receive loop first, before any later message is read.</summary>
internal sealed class PendingReply(Action<WampMessage>? onReply = null) : PendingRequest
{
    private readonly TaskCompletionSource<WampMessage> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<WampMessage> Task => _reply.Task;

    public override bool OnReply(WampMessage reply)
    {
        onReply?.Invoke(reply);
        _reply.TrySetResult(reply);
        return true;
    }

    public override void Fail(Exception exception) => _reply.TrySetException(exception);
}

/// <summary>A call whose progressive results stream into a channel until the final RESULT.</summary>
internal sealed class PendingProgressiveCall : PendingRequest
{
    private readonly Channel<WampResult> _results = Channel.CreateUnbounded<WampResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public ChannelReader<WampResult> Results => _results.Reader;

    public override bool OnReply(WampMessage reply)
    {
        var result = (ResultMessage)reply;
        var part = new WampResult(result.Arguments, result.ArgumentsKeywords, result.Details);
        _results.Writer.TryWrite(part);
        if (part.IsProgress)
        {
            return false;
        }

        _results.Writer.TryComplete();
        return true;
    }

    public override void Fail(Exception exception) => _results.Writer.TryComplete(exception);
}
