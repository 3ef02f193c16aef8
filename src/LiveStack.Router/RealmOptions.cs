using LiveStack.Router.Auth;

namespace LiveStack.Router;

/// <summary>One realm: its roles and how sessions authenticate into it.</summary>
public sealed class RealmOptions
{
    /// <summary>The realm's URI, e.g. <c>realm1</c> or <c>com.example.app</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// The roles and their permissions. An action no rule of the session's role allows is denied
    /// with <c>wamp.error.not_authorized</c>. When the list is empty the realm is <b>open</b>: it
    /// has one role, <c>anonymous</c>, allowed everything, and anonymous sessions are admitted —
    /// convenient in development, logged as a warning at start.
    /// </summary>
    public IList<WampRole> Roles { get; } = [];

    /// <summary>The authentication methods and static principals of this realm.</summary>
    public RealmAuthOptions Auth { get; } = new();

    /// <summary>True when the realm has no roles configured (see <see cref="Roles"/>).</summary>
    public bool IsOpen => Roles.Count == 0;

    /// <summary>The open realm used when none is configured.</summary>
    public static RealmOptions Open(string name) => new() { Name = name };
}
