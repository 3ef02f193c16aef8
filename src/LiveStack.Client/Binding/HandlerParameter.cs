using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Client.Binding;

/// <summary>One handler parameter with its source decided at bind time; resolves its value per call.</summary>
internal sealed class HandlerParameter
{
    private readonly ParameterSource _source;
    private readonly Type _type;
    private readonly object? _serviceKey;
    private readonly bool _serviceOptional;
    private readonly PayloadArgument? _payload;

    private HandlerParameter(ParameterSource source, Type type, object? serviceKey, bool serviceOptional, PayloadArgument? payload)
    {
        _source = source;
        _type = type;
        _serviceKey = serviceKey;
        _serviceOptional = serviceOptional;
        _payload = payload;
    }

    /// <summary>Where the value comes from.</summary>
    public ParameterSource Source => _source;

    /// <summary>A parameter bound to the cancellation token or to the current invocation/event.</summary>
    public static HandlerParameter FromCall(ParameterSource source, Type type) => new(source, type, null, false, null);

    /// <summary>A parameter resolved from the per-call service scope (keyed when <paramref name="keyed"/>).</summary>
    public static HandlerParameter FromServices(Type type, bool keyed, object? key, bool optional) =>
        new(keyed ? ParameterSource.KeyedService : ParameterSource.Service, type, key, optional, null);

    /// <summary>A parameter bound to the payload.</summary>
    public static HandlerParameter FromPayload(Type type, PayloadArgument payload) => new(ParameterSource.Payload, type, null, false, payload);

    /// <summary>Resolves the value for one call.</summary>
    /// <param name="payload">The current invocation or event.</param>
    /// <param name="services">The per-call scope's provider (not null when the plan has service parameters).</param>
    /// <param name="cancellationToken">The token the session passed in.</param>
    public object? Resolve(WampPayload payload, IServiceProvider? services, CancellationToken cancellationToken) => _source switch
    {
        ParameterSource.CancellationToken => cancellationToken,
        ParameterSource.Context => payload,
        ParameterSource.Service => _serviceOptional ? services!.GetService(_type) : services!.GetRequiredService(_type),
        ParameterSource.KeyedService => _serviceOptional ? services!.GetKeyedService(_type, _serviceKey) : services!.GetRequiredKeyedService(_type, _serviceKey),
        _ => _payload!.Bind(payload),
    };
}
