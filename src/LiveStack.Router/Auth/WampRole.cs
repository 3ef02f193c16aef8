namespace LiveStack.Router.Auth;

/// <summary>A named set of permissions in a realm. A session gets exactly one role when it joins.</summary>
public sealed class WampRole
{
    /// <summary>The role name (the session's <c>authrole</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The rules; an action no rule allows is denied.</summary>
    public IList<WampPermissionRule> Permissions { get; } = [];
}
