namespace LiveStack.Router.Auth;

/// <summary>A named set of permissions in a realm. A session gets exactly one role when it joins.</summary>
public sealed class WampRole
{
    /// <summary>The role name (the session's <c>authrole</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The rules; an action no rule allows is denied.</summary>
    public IList<WampPermissionRule> Permissions { get; } = [];

    /// <summary>
    /// Instead of <see cref="Permissions"/>, a procedure (Crossbar-style dynamic authorizer) decides
    /// every action of this role: <c>(session, uri, action, options)</c> where session is a dict with
    /// <c>session</c>, <c>authid</c>, <c>authrole</c>; it returns true/false or a dict with
    /// <c>allow</c> and <c>disclose</c>. An ERROR or a timeout denies with
    /// <c>wamp.error.authorization_failed</c>. The component that registers it needs a role with
    /// static permissions.
    /// </summary>
    public string? Authorizer { get; set; }
}
