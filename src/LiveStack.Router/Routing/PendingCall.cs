using LiveStack.Router.Sessions;

namespace LiveStack.Router.Routing;

/// <summary>A CALL that was turned into an INVOCATION and awaits the callee's answer.</summary>
internal sealed class PendingCall(RouterSession caller, long callRequest, RouterSession callee, long invocationRequest, bool receiveProgress)
{
    public RouterSession Caller { get; } = caller;

    public long CallRequest { get; } = callRequest;

    public RouterSession Callee { get; } = callee;

    public long InvocationRequest { get; } = invocationRequest;

    /// <summary>Whether the caller asked for progressive results.</summary>
    public bool ReceiveProgress { get; } = receiveProgress;

    /// <summary>The dealer-side timeout, when the dealer (not the callee) enforces it.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>The timeout to restart after each progressive result.</summary>
    public TimeSpan Timeout { get; set; }

    public bool CalleeCanCancel => Callee.Roles?.CalleeSupports(CalleeFeatures.CallCanceling) == true;
}
