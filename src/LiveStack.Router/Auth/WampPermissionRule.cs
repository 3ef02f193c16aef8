namespace LiveStack.Router.Auth;

/// <summary>
/// One rule of a role: which actions are allowed on the URIs that <see cref="Uri"/> and
/// <see cref="Match"/> cover. When several rules cover a URI, the most specific one decides:
/// an exact rule, else the longest prefix, else the most specific wildcard.
/// </summary>
public sealed class WampPermissionRule
{
    /// <summary>The URI or pattern. With <see cref="Match"/> <c>prefix</c>, an empty URI covers everything.</summary>
    public string Uri { get; set; } = string.Empty;

    /// <summary><c>exact</c> (default), <c>prefix</c> or <c>wildcard</c>.</summary>
    public string Match { get; set; } = "exact";

    /// <summary>May CALL.</summary>
    public bool Call { get; set; }

    /// <summary>May REGISTER.</summary>
    public bool Register { get; set; }

    /// <summary>May PUBLISH.</summary>
    public bool Publish { get; set; }

    /// <summary>May SUBSCRIBE.</summary>
    public bool Subscribe { get; set; }

    /// <summary>Callees always learn this role's identity when it calls (as if it set <c>disclose_me</c>).</summary>
    public bool DiscloseCaller { get; set; }

    /// <summary>Subscribers always learn this role's identity when it publishes.</summary>
    public bool DisclosePublisher { get; set; }

    /// <summary>A rule allowing every action on every URI (the default realm's anonymous role).</summary>
    public static WampPermissionRule Everything() => new()
    {
        Uri = string.Empty,
        Match = "prefix",
        Call = true,
        Register = true,
        Publish = true,
        Subscribe = true,
    };

    internal bool Allows(WampAction action) => action switch
    {
        WampAction.Call => Call,
        WampAction.Register => Register,
        WampAction.Publish => Publish,
        _ => Subscribe,
    };

    internal bool Discloses(WampAction action) => action switch
    {
        WampAction.Call => DiscloseCaller,
        WampAction.Publish => DisclosePublisher,
        _ => false,
    };
}
