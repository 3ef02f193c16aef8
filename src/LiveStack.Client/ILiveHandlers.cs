namespace LiveStack.Client;

/// <summary>
/// Where handlers are declared: a <c>LiveApp</c>, the server's in-process session, or a component's
/// <see cref="ILiveComponent.Configure"/>. Handlers are delegates whose parameters bind like
/// minimal-API endpoints: payload arguments by position, then keyword arguments by name; DI
/// services; a <see cref="CancellationToken"/>; the <see cref="WampInvocation"/> or <see cref="WampEvent"/> itself.
/// </summary>
public interface ILiveHandlers
{
    /// <summary>Declares a procedure; what the handler returns becomes the result.</summary>
    ILiveHandlers Register(string procedure, Delegate handler, RegisterOptions? options = null);

    /// <summary>Declares a subscription.</summary>
    ILiveHandlers Subscribe(string topic, Delegate handler, SubscribeOptions? options = null);
}
