using LiveStack.AspNetCore;
using LiveStack.AspNetCore.InProcess;
using LiveStack.Client;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Declares WAMP procedures and subscriptions served by the app itself, through its in-process session.</summary>
public static class LiveStackHandlerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Registers <paramref name="handler"/> as a procedure. Its parameters bind like a minimal-API
    /// endpoint's: call arguments by position, then keyword arguments by name; DI services (from a
    /// scope per call); a <see cref="CancellationToken"/>; the <see cref="WampInvocation"/> for the caller's details.
    /// </summary>
    /// <example><c>app.MapProcedure("math.add", (int a, int b) => a + b);</c></example>
    public static IEndpointRouteBuilder MapProcedure(this IEndpointRouteBuilder endpoints, string procedure, Delegate handler, RegisterOptions? options = null)
    {
        Handlers(endpoints).Register(procedure, handler, options);
        return endpoints;
    }

    /// <summary>Subscribes <paramref name="handler"/> to a topic, with the same binding rules as <see cref="MapProcedure"/> (the <see cref="WampEvent"/> carries the publisher's details).</summary>
    public static IEndpointRouteBuilder MapTopic(this IEndpointRouteBuilder endpoints, string topic, Delegate handler, SubscribeOptions? options = null)
    {
        Handlers(endpoints).Subscribe(topic, handler, options);
        return endpoints;
    }

    private static ServerHandlers Handlers(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<LiveStackMarkerService>() is null)
        {
            throw new InvalidOperationException("Call builder.Services.AddLiveStack() before mapping WAMP procedures or topics.");
        }

        return endpoints.ServiceProvider.GetRequiredService<ServerHandlers>();
    }
}
