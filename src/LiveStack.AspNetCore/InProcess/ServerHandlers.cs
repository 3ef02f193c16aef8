using LiveStack.Client;
using LiveStack.Client.Binding;

namespace LiveStack.AspNetCore.InProcess;

/// <summary>The handlers declared on the app's in-process session by <c>MapProcedure</c>, <c>MapTopic</c> and components.</summary>
internal sealed class ServerHandlers(LiveClient client, IServiceProvider services) : ILiveHandlers
{
    private readonly ClientHandlers _handlers = new(client, new HandlerBinder(services, client.Options.JsonOptions));
    private int _declared;

    /// <summary>True once anything was declared; the session joins only then.</summary>
    public bool HasDeclarations => Volatile.Read(ref _declared) > 0;

    public ILiveHandlers Register(string procedure, Delegate handler, RegisterOptions? options = null)
    {
        _handlers.Register(procedure, handler, options);
        Interlocked.Increment(ref _declared);
        return this;
    }

    public ILiveHandlers Subscribe(string topic, Delegate handler, SubscribeOptions? options = null)
    {
        _handlers.Subscribe(topic, handler, options);
        Interlocked.Increment(ref _declared);
        return this;
    }

    public void AddComponent(object component)
    {
        _handlers.AddComponent(component);
        Interlocked.Increment(ref _declared);
    }
}
