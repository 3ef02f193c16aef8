namespace LiveStack.Client;

/// <summary>Marks a component method as the handler of a procedure.</summary>
/// <param name="procedure">The procedure URI (or pattern, with <see cref="MatchPolicy"/>).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProcedureAttribute(string procedure) : Attribute
{
    /// <summary>The procedure URI.</summary>
    public string Procedure { get; } = procedure;

    /// <summary>How the URI matches. Default: exact.</summary>
    public MatchPolicy MatchPolicy { get; set; }

    /// <summary>How calls are shared among callees. Default: single.</summary>
    public InvocationPolicy InvocationPolicy { get; set; }

    internal RegisterOptions ToOptions() => new() { Match = MatchPolicy, Invoke = InvocationPolicy };
}
