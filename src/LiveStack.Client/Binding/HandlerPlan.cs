using System.Reflection;
using System.Runtime.ExceptionServices;

namespace LiveStack.Client.Binding;

/// <summary>
/// A handler with everything reflection can decide done once: how to fill each parameter and how
/// to turn what it returns into a result. Per call it only resolves values and invokes.
/// </summary>
internal sealed class HandlerPlan
{
    private readonly MethodInvoker _invoker;
    private readonly object? _target;
    private readonly bool _targetIsFirstArgument;
    private readonly HandlerParameter[] _parameters;

    /// <param name="invoker">Invokes the method (created once).</param>
    /// <param name="target">The instance, or for a delegate closed over its first argument, that argument.</param>
    /// <param name="targetIsFirstArgument">True when <paramref name="target"/> is passed as the static method's first argument.</param>
    /// <param name="parameters">The parameters after any bound first argument.</param>
    /// <param name="returns">How the return value becomes a result.</param>
    public HandlerPlan(MethodInvoker invoker, object? target, bool targetIsFirstArgument, HandlerParameter[] parameters, ReturnAdapter returns)
    {
        _invoker = invoker;
        _target = target;
        _targetIsFirstArgument = targetIsFirstArgument;
        _parameters = parameters;
        Returns = returns;
        NeedsScope = parameters.Any(p => p.Source is ParameterSource.Service or ParameterSource.KeyedService);
    }

    /// <summary>True when a parameter is resolved from services, so each call needs a scope.</summary>
    public bool NeedsScope { get; }

    /// <summary>How the return value becomes a result.</summary>
    public ReturnAdapter Returns { get; }

    /// <summary>Resolves the arguments and invokes the handler; exceptions it throws propagate unchanged.</summary>
    public object? Invoke(WampPayload payload, IServiceProvider? services, CancellationToken cancellationToken)
    {
        var offset = _targetIsFirstArgument ? 1 : 0;
        var arguments = new object?[_parameters.Length + offset];
        if (_targetIsFirstArgument)
        {
            arguments[0] = _target;
        }

        for (var i = 0; i < _parameters.Length; i++)
        {
            arguments[i + offset] = _parameters[i].Resolve(payload, services, cancellationToken);
        }

        try
        {
            return _invoker.Invoke(_targetIsFirstArgument ? null : _target, arguments.AsSpan());
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
