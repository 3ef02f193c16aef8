using System.Text.Json;
using LiveStack.Client;
using LiveStack.Router;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.EntityFrameworkCore;

/// <summary>Everything the live-data procedures of one DbContext type share.</summary>
internal sealed class LiveDataRuntime(
    LiveDataModel model,
    ChangeFeed feed,
    LiveClient client,
    WampRouter router,
    IServiceScopeFactory scopes,
    IdempotencyCache idempotency,
    ILogger logger)
{
    public LiveDataModel Model => model;

    public ChangeFeed Feed => feed;

    public LiveClient Client => client;

    public WampRouter Router => router;

    public IServiceScopeFactory Scopes => scopes;

    public IdempotencyCache Idempotency => idempotency;

    public ILogger Logger => logger;

    public LiveDataOptions Options => model.Options;

    public JsonSerializerOptions Json => client.Options.JsonOptions;

    /// <summary>Who called: the router's identity of the calling session.</summary>
    public LiveUser CallerOf(WampInvocation invocation) =>
        LiveUsers.Caller(invocation, router, client.Session ?? throw new WampException(ClientErrors.ConnectionLost, "The app's session is reconnecting."));
}
