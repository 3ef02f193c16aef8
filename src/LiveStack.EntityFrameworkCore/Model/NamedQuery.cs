using System.Reflection;

namespace LiveStack.EntityFrameworkCore;

/// <summary>A server-defined query: its delegate, parameters and an invoker, all prepared once at start.</summary>
internal sealed class NamedQuery<T>(Delegate query)
    where T : class
{
    private readonly MethodInvoker _invoker = MethodInvoker.Create(query.Method);

    public ParameterInfo[] Parameters { get; } = query.Method.GetParameters();

    public IQueryable<T> Invoke(object?[] arguments)
    {
        try
        {
            return (IQueryable<T>)_invoker.Invoke(query.Target, arguments.AsSpan())!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
