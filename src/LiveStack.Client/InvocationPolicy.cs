using System.Diagnostics.CodeAnalysis;

namespace LiveStack.Client;

/// <summary>Which callee of a shared registration gets a call.</summary>
public enum InvocationPolicy
{
    /// <summary>The registration is not shared: a second REGISTER fails.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "WAMP names this policy 'single'.")]
    Single,

    /// <summary>The callees take turns.</summary>
    RoundRobin,

    /// <summary>A callee chosen at random.</summary>
    Random,

    /// <summary>The callee that registered first.</summary>
    First,

    /// <summary>The callee that registered last.</summary>
    Last,
}
