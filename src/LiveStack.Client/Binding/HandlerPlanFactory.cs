using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Client.Binding;

/// <summary>Builds a <see cref="HandlerPlan"/> from a method: the only place that reflects over handlers.</summary>
internal sealed class HandlerPlanFactory(IServiceProvider? services, JsonSerializerOptions jsonOptions)
{
    private readonly IServiceProviderIsService? _isService = services?.GetService<IServiceProviderIsService>();

    /// <summary>Builds the plan.</summary>
    /// <param name="method">The handler method.</param>
    /// <param name="target">The instance for an instance method; for a delegate closed over a static method's first argument, that argument.</param>
    /// <param name="targetIsFirstArgument">True for a delegate closed over a static method's first argument.</param>
    /// <param name="uri">The procedure or topic, for error messages.</param>
    /// <param name="contextType"><see cref="WampInvocation"/> or <see cref="WampEvent"/>.</param>
    /// <exception cref="ArgumentException">The method cannot be bound.</exception>
    public HandlerPlan Create(MethodInfo method, object? target, bool targetIsFirstArgument, string uri, Type contextType)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(uri);
        if (method.ContainsGenericParameters)
        {
            throw new ArgumentException($"{Describe(method)} is an open generic method.", nameof(method));
        }

        if (!method.IsStatic && (target is null || !method.DeclaringType!.IsInstanceOfType(target)))
        {
            throw new ArgumentException($"{Describe(method)} is an instance method and needs a target of type {method.DeclaringType!.Name}.", nameof(target));
        }

        var all = method.GetParameters();
        var parameters = targetIsFirstArgument ? all[1..] : all;
        var sources = parameters.Select(p => SourceOf(p, method, contextType)).ToArray();
        var payloadCount = sources.Count(s => s == ParameterSource.Payload);
        var nullability = new NullabilityInfoContext();

        var bound = new HandlerParameter[parameters.Length];
        var position = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            bound[i] = sources[i] switch
            {
                ParameterSource.Payload => HandlerParameter.FromPayload(
                    type,
                    new PayloadArgument(parameter, position++, payloadCount == 1 && PayloadTypes.IsComplexObject(type), nullability.Create(parameter), uri, jsonOptions)),
                ParameterSource.Service or ParameterSource.KeyedService => HandlerParameter.FromServices(
                    type,
                    sources[i] == ParameterSource.KeyedService,
                    parameter.GetCustomAttribute<FromKeyedServicesAttribute>()?.Key,
                    parameter.IsOptional || IsNullable(parameter, nullability)),
                var source => HandlerParameter.FromCall(source, type),
            };
        }

        var invoker = MethodInvoker.Create(method);
        return new HandlerPlan(invoker, method.IsStatic && !targetIsFirstArgument ? null : target, targetIsFirstArgument, bound, ReturnAdapter.Create(method.ReturnType, jsonOptions));
    }

    private static bool IsNullable(ParameterInfo parameter, NullabilityInfoContext nullability) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && nullability.Create(parameter).ReadState == NullabilityState.Nullable);

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";

    private ParameterSource SourceOf(ParameterInfo parameter, MethodInfo method, Type contextType)
    {
        var type = parameter.ParameterType;
        if (type.IsByRef || type.IsPointer || type.IsByRefLike)
        {
            throw new ArgumentException($"{Describe(method)}: parameter '{parameter.Name}' of type {type.Name} cannot be bound.", nameof(method));
        }

        if (type == typeof(CancellationToken))
        {
            return ParameterSource.CancellationToken;
        }

        if (type != typeof(object) && type.IsAssignableFrom(contextType))
        {
            return ParameterSource.Context;
        }

        if (type == typeof(WampInvocation) || type == typeof(WampEvent))
        {
            throw new ArgumentException($"{Describe(method)}: parameter '{parameter.Name}' takes a {type.Name}, which a {contextType.Name} handler does not get.", nameof(method));
        }

        if (parameter.IsDefined(typeof(FromKeyedServicesAttribute), inherit: false))
        {
            return services is not null
                ? ParameterSource.KeyedService
                : throw new ArgumentException($"{Describe(method)}: parameter '{parameter.Name}' is [FromKeyedServices] but the binder has no service provider.", nameof(method));
        }

        return _isService?.IsService(type) == true ? ParameterSource.Service : ParameterSource.Payload;
    }
}
