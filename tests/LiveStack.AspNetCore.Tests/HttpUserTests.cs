using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using LiveStack.Router;
using LiveStack.Router.Auth;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.AspNetCore.Tests;

/// <summary>
/// A client that signed in through ASP.NET Core (cookie authentication here) joins a secured realm as
/// its user with no WAMP credentials (authmethod <c>http</c>); <c>MapLiveStack(…).RequireAuthorization()</c>
/// keeps everyone else out at the upgrade.
/// </summary>
public sealed class HttpUserTests : IAsyncLifetime
{
    private const string Realm = "com.example.web";
    private const string AuthorizedPath = "/ws-authorized";
    private RouterHost _host = null!;

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync(
        o => o.Realms.Add(SecuredRealm()),
        services: s =>
        {
            s.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            s.AddAuthorization();
        },
        app: a =>
        {
            a.UseAuthentication();
            a.UseAuthorization();
            a.MapPost("/login", new RequestDelegate(HandleLoginAsync));
            a.MapLiveStack(AuthorizedPath).RequireAuthorization();
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ASignedInUserJoinsAsThatUserWithoutWampCredentials()
    {
        var cookies = await LogInAsync("alice", "editor");
        await using var peer = await TestPeer.ConnectAsync(_host.WebSocketUrl, configureSocket: o => o.Cookies = cookies);

        var welcome = await JoinAsync(peer);

        Assert.Equal("alice", welcome.Details["authid"]);
        Assert.Equal("editor", welcome.Details["authrole"]);
        Assert.Equal("http", welcome.Details["authmethod"]);
        Assert.Equal("aspnetcore", welcome.Details["authprovider"]);
    }

    [Fact]
    public async Task TheUsersRoleClaimDecidesWhatTheSessionMayDo()
    {
        var cookies = await LogInAsync("alice", "editor");
        await using var peer = await TestPeer.ConnectAsync(_host.WebSocketUrl, configureSocket: o => o.Cookies = cookies);
        await JoinAsync(peer);

        await peer.SubscribeAsync("com.example.news");
        await peer.SendAsync(new RegisterMessage(peer.NextRequest(), new Dictionary<string, object?>(), "com.example.tool"));
        var error = await peer.ReceiveAsync<ErrorMessage>();
        Assert.Equal("wamp.error.not_authorized", error.Error);
    }

    [Fact]
    public async Task ASignedInUserWithoutARoleClaimGetsTheDefaultRole()
    {
        var cookies = await LogInAsync("bob", role: null);
        await using var peer = await TestPeer.ConnectAsync(_host.WebSocketUrl, configureSocket: o => o.Cookies = cookies);

        var welcome = await JoinAsync(peer);

        Assert.Equal("bob", welcome.Details["authid"]);
        Assert.Equal("user", welcome.Details["authrole"]);
    }

    [Fact]
    public async Task ARoleClaimTheRealmDoesNotKnowIsRefused()
    {
        var cookies = await LogInAsync("mallory", "root");
        await using var peer = await TestPeer.ConnectAsync(_host.WebSocketUrl, configureSocket: o => o.Cookies = cookies);
        await peer.SendAsync(new HelloMessage(Realm, AnonymousHello()));

        var abort = Assert.IsType<AbortMessage>(Assert.Single(await peer.ReceiveUntilClosedAsync()));
        Assert.Equal("wamp.error.no_such_role", abort.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(".AspNetCore.Cookies=forged")]
    public async Task WithoutAValidCookieAnonymousIsRefused(string? cookie)
    {
        await using var peer = await TestPeer.ConnectAsync(_host.WebSocketUrl, configureSocket: o =>
        {
            if (cookie is not null)
            {
                o.SetRequestHeader("Cookie", cookie);
            }
        });
        await peer.SendAsync(new HelloMessage(Realm, AnonymousHello()));

        var abort = Assert.IsType<AbortMessage>(Assert.Single(await peer.ReceiveUntilClosedAsync()));
        Assert.Equal("wamp.error.no_matching_auth_method", abort.Reason);
    }

    [Fact]
    public async Task RequireAuthorizationRefusesAnUnauthenticatedUpgrade()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("wamp.2.json");
        // ClientWebSocket's own handler follows redirects (to the login page, which then answers 404);
        // one that does not shows what the router's host answered.
        using var noRedirects = new HttpMessageInvoker(new SocketsHttpHandler { AllowAutoRedirect = false });

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(AuthorizedUrl, noRedirects, CancellationToken.None));

        // The cookie scheme's challenge: a redirect to its login page, before any WebSocket exists.
        Assert.Equal(HttpStatusCode.Redirect, socket.HttpStatusCode);
        Assert.Contains("/Account/Login", Assert.Single(socket.HttpResponseHeaders!["Location"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireAuthorizationLetsTheSignedInUserIn()
    {
        var cookies = await LogInAsync("alice", "editor");
        await using var peer = await TestPeer.ConnectAsync(AuthorizedUrl, configureSocket: o => o.Cookies = cookies);

        var welcome = await JoinAsync(peer);

        Assert.Equal("alice", welcome.Details["authid"]);
        Assert.Equal("http", welcome.Details["authmethod"]);
    }

    private Uri AuthorizedUrl => new(_host.WebSocketUrl, AuthorizedPath);

    /// <summary>Signs in through the app's login endpoint; returns the cookies it set.</summary>
    private async Task<CookieContainer> LogInAsync(string name, string? role)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler);
        var query = role is null ? $"name={name}" : $"name={name}&role={role}";
        var response = await http.PostAsync(new Uri($"http://127.0.0.1:{_host.HttpPort}/login?{query}"), content: null);
        response.EnsureSuccessStatusCode();
        return cookies;
    }

    /// <summary>A stand-in for a real login form: whoever posts a name is signed in, with the role given.</summary>
    private static Task HandleLoginAsync(HttpContext context)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, context.Request.Query["name"].ToString()) };
        if (context.Request.Query.TryGetValue("role", out var role))
        {
            claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(new ClaimsPrincipal(identity));
    }

    /// <summary>HELLO offers anonymous only: the identity must come from the HTTP request.</summary>
    private static async Task<WelcomeMessage> JoinAsync(TestPeer peer)
    {
        await peer.SendAsync(new HelloMessage(Realm, AnonymousHello()));
        return await peer.ReceiveAsync<WelcomeMessage>();
    }

    private static Dictionary<string, object?> AnonymousHello()
    {
        var details = TestPeer.HelloDetails();
        details["authmethods"] = new List<object?> { "anonymous" };
        return details;
    }

    /// <summary>Roles only, no anonymous role and no WAMP principals: the HTTP user is the only way in.</summary>
    private static RealmOptions SecuredRealm()
    {
        var realm = new RealmOptions { Name = Realm };
        var editor = new WampRole { Name = "editor" };
        editor.Permissions.Add(new WampPermissionRule { Uri = "com.example.", Match = "prefix", Call = true, Subscribe = true, Publish = true });
        var user = new WampRole { Name = "user" };
        user.Permissions.Add(new WampPermissionRule { Uri = "com.example.news", Subscribe = true });
        realm.Roles.Add(editor);
        realm.Roles.Add(user);
        return realm;
    }
}
