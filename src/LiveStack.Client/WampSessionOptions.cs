using System.Text.Json;
using LiveStack.Client.Auth;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client;

/// <summary>What a session joins with.</summary>
public sealed record WampSessionOptions
{
    /// <summary>The realm to join. Default: <c>realm1</c>.</summary>
    public string Realm { get; init; } = "realm1";

    /// <summary>How the session authenticates. Default: anonymous.</summary>
    public WampAuthentication Authentication { get; init; } = WampAuthentication.Anonymous;

    /// <summary>How payloads bind to CLR types. Default: <see cref="WampConvert.DefaultOptions"/>.</summary>
    public JsonSerializerOptions JsonOptions { get; init; } = WampConvert.DefaultOptions;

    /// <summary>Send handler exception messages to callers. Default: false (callers get a generic message; the log has the details).</summary>
    public bool DetailedErrors { get; init; }

    /// <summary>How long to wait for the router's answer to HELLO and to GOODBYE. Default: 10 seconds.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the session logs. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
