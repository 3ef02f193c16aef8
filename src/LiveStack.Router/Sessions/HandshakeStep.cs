using LiveStack.Router.Auth;

namespace LiveStack.Router.Sessions;

/// <summary>What the router answers at one step of opening a session.</summary>
internal abstract record HandshakeStep
{
    /// <summary>Join as <paramref name="Principal"/>.</summary>
    public sealed record Welcome(WampPrincipal Principal, string Method, string Provider) : HandshakeStep;

    /// <summary>Send a CHALLENGE and wait for AUTHENTICATE.</summary>
    public sealed record Challenge(string Method, IReadOnlyDictionary<string, object?> Extra) : HandshakeStep;

    /// <summary>Refuse with ABORT.</summary>
    public sealed record Abort(string Reason, string Message) : HandshakeStep;
}
