using System.Reflection;
using LiveStack.Client.Binding;

namespace LiveStack.Client;

/// <summary>
/// Binds handler delegates once and declares them on a <see cref="LiveClient"/>, so they are
/// re-established on every session. Components declare through it too: their attributed
/// methods first, then their <see cref="ILiveComponent.Configure"/>.
/// </summary>
internal sealed class ClientHandlers(LiveClient client, HandlerBinder binder) : ILiveHandlers
{
    private const BindingFlags AnyMethod = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public ILiveHandlers Register(string procedure, Delegate handler, RegisterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        ArgumentNullException.ThrowIfNull(handler);
        client.Register(procedure, binder.BindProcedure(handler, procedure), options);
        return this;
    }

    public ILiveHandlers Subscribe(string topic, Delegate handler, SubscribeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        client.Subscribe(topic, binder.BindTopic(handler, topic), options);
        return this;
    }

    public void AddComponent(object component)
    {
        ArgumentNullException.ThrowIfNull(component);
        foreach (var method in component.GetType().GetMethods(AnyMethod))
        {
            var target = method.IsStatic ? null : component;
            foreach (var procedure in method.GetCustomAttributes<ProcedureAttribute>())
            {
                client.Register(procedure.Procedure, binder.BindProcedure(method, target, procedure.Procedure), procedure.ToOptions());
            }

            foreach (var subscription in method.GetCustomAttributes<SubscribeAttribute>())
            {
                client.Subscribe(subscription.Topic, binder.BindTopic(method, target, subscription.Topic), subscription.ToOptions());
            }
        }

        (component as ILiveComponent)?.Configure(this);
    }
}
