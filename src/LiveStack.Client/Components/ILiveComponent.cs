namespace LiveStack.Client;

/// <summary>
/// A component that declares its handlers in code. Components may also (or instead) mark methods
/// with <see cref="ProcedureAttribute"/> and <see cref="SubscribeAttribute"/>. The same class runs
/// in the router's process (<c>AddLiveStackComponent&lt;T&gt;()</c>) or in its own
/// (<c>LiveApp.AddComponent&lt;T&gt;()</c>).
/// </summary>
public interface ILiveComponent
{
    /// <summary>Declares the component's handlers; called once when the component starts.</summary>
    void Configure(ILiveHandlers handlers);
}
