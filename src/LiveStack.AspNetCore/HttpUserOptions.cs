using System.Security.Claims;

namespace LiveStack.AspNetCore;

/// <summary>
/// Maps the authenticated <see cref="Microsoft.AspNetCore.Http.HttpContext.User"/> of a WebSocket
/// upgrade (cookie, ASP.NET Core Identity, JWT bearer…) onto the WAMP session: the browser joins
/// as that user with no second login (authmethod <c>http</c>, authprovider <c>aspnetcore</c>).
/// </summary>
public sealed class HttpUserOptions
{
    /// <summary>Whether a signed-in request joins as its user. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The claim that becomes the authid. Default: <see cref="ClaimTypes.Name"/>, falling back to <see cref="ClaimTypes.NameIdentifier"/>.</summary>
    public string AuthIdClaim { get; set; } = ClaimTypes.Name;

    /// <summary>The claim that becomes the authrole (its first value). Default: <see cref="ClaimTypes.Role"/>.</summary>
    public string RoleClaim { get; set; } = ClaimTypes.Role;

    /// <summary>The role of a signed-in user with no matching role claim. Default: <c>user</c>.</summary>
    public string DefaultRole { get; set; } = "user";

    /// <summary>
    /// A custom rule instead of the claims above: return the authid and role, or null to treat the
    /// request as not signed in (the client then authenticates in WAMP as usual).
    /// </summary>
    public Func<ClaimsPrincipal, (string AuthId, string AuthRole)?>? Map { get; set; }

    internal Router.Auth.WampPrincipal? ToPrincipal(ClaimsPrincipal user)
    {
        if (!Enabled || user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (Map is not null)
        {
            return Map(user) is { } mapped ? new Router.Auth.WampPrincipal(mapped.AuthId, mapped.AuthRole) : null;
        }

        var authId = user.FindFirst(AuthIdClaim)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return authId is null ? null : new Router.Auth.WampPrincipal(authId, user.FindFirst(RoleClaim)?.Value ?? DefaultRole);
    }
}
