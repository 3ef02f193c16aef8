using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Client.Binding;

/// <summary>
/// Binds ordinary methods and lambdas to WAMP procedures and topics, like ASP.NET Core minimal APIs
/// bind them to routes. Each parameter is the <see cref="CancellationToken"/>, the current
/// <see cref="WampInvocation"/>/<see cref="WampEvent"/>, a service from a per-call scope, or a
/// payload argument (by position, then by name); the return value (a value, a task of one, or an
/// <see cref="IAsyncEnumerable{T}"/> streamed as progressive results) becomes the result.
/// </summary>
/// <remarks>
/// All reflection happens when binding; a bound handler only resolves values and invokes through a
/// <see cref="MethodInvoker"/>. Exceptions the handler throws propagate unchanged; arguments that
/// are missing or do not convert fail with <c>wamp.error.invalid_argument</c>.
/// </remarks>
internal sealed class HandlerBinder(IServiceProvider? services, JsonSerializerOptions jsonOptions)
{
    private readonly HandlerPlanFactory _plans = new(services, jsonOptions);

    /// <summary>Binds a delegate as the handler of <paramref name="procedure"/>.</summary>
    /// <exception cref="ArgumentException">The delegate has a parameter that cannot be bound.</exception>
    public Func<WampInvocation, CancellationToken, ValueTask<WampResult>> BindProcedure(Delegate handler, string procedure)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Procedure(_plans.Create(handler.Method, handler.Target, IsClosedStatic(handler), procedure, typeof(WampInvocation)));
    }

    /// <summary>Binds a method (on <paramref name="target"/> unless static) as the handler of <paramref name="procedure"/>.</summary>
    /// <exception cref="ArgumentException">The method cannot be bound, or an instance method has no suitable target.</exception>
    public Func<WampInvocation, CancellationToken, ValueTask<WampResult>> BindProcedure(MethodInfo method, object? target, string procedure) =>
        Procedure(_plans.Create(method, target, targetIsFirstArgument: false, procedure, typeof(WampInvocation)));

    /// <summary>Binds a delegate as the handler of events on <paramref name="topic"/>.</summary>
    /// <exception cref="ArgumentException">The delegate has a parameter that cannot be bound.</exception>
    public Func<WampEvent, CancellationToken, ValueTask> BindTopic(Delegate handler, string topic)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Topic(_plans.Create(handler.Method, handler.Target, IsClosedStatic(handler), topic, typeof(WampEvent)));
    }

    /// <summary>Binds a method (on <paramref name="target"/> unless static) as the handler of events on <paramref name="topic"/>.</summary>
    /// <exception cref="ArgumentException">The method cannot be bound, or an instance method has no suitable target.</exception>
    public Func<WampEvent, CancellationToken, ValueTask> BindTopic(MethodInfo method, object? target, string topic) =>
        Topic(_plans.Create(method, target, targetIsFirstArgument: false, topic, typeof(WampEvent)));

    // A delegate over a static method with its first argument bound (e.g. an extension method).
    private static bool IsClosedStatic(Delegate handler) => handler.Method.IsStatic && handler.Target is not null;

    private Func<WampInvocation, CancellationToken, ValueTask<WampResult>> Procedure(HandlerPlan plan)
    {
        var returns = plan.Returns;
        if (!plan.NeedsScope)
        {
            return async (invocation, cancellationToken) =>
                await returns.ToResultAsync(plan.Invoke(invocation, null, cancellationToken), invocation, cancellationToken).ConfigureAwait(false);
        }

        var provider = services!;
        return async (invocation, cancellationToken) =>
        {
            var scope = provider.CreateAsyncScope();
            try
            {
                var returned = plan.Invoke(invocation, scope.ServiceProvider, cancellationToken);
                return await returns.ToResultAsync(returned, invocation, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        };
    }

    private Func<WampEvent, CancellationToken, ValueTask> Topic(HandlerPlan plan)
    {
        var returns = plan.Returns;
        if (!plan.NeedsScope)
        {
            return async (@event, cancellationToken) =>
                await returns.CompleteAsync(plan.Invoke(@event, null, cancellationToken)).ConfigureAwait(false);
        }

        var provider = services!;
        return async (@event, cancellationToken) =>
        {
            var scope = provider.CreateAsyncScope();
            try
            {
                await returns.CompleteAsync(plan.Invoke(@event, scope.ServiceProvider, cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        };
    }
}
