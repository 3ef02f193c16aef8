using System.Net.WebSockets;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>How a hostile session ended. An attack states which endings are acceptable.</summary>
[Flags]
internal enum Ending
{
    None = 0,
    ProtocolViolation = 1 << 0,
    PayloadSizeExceeded = 1 << 1,
    AuthenticationFailed = 1 << 2,
    NoMatchingAuthMethod = 1 << 3,
    NoSuchRealm = 1 << 4,
    InvalidUri = 1 << 5,

    /// <summary>The WebSocket layer failed a text message that is not UTF-8 (close 1007) before WAMP saw it.</summary>
    InvalidPayloadClose = 1 << 6,

    /// <summary>The router answered the client's GOODBYE.</summary>
    Goodbye = 1 << 7,

    /// <summary>The connection closed without ABORT or GOODBYE: after the client's own ABORT, or a client that stopped reading was cut off.</summary>
    Closed = 1 << 8,

    /// <summary>The client dropped the connection itself; there is nothing to read.</summary>
    Dropped = 1 << 9,
}

internal static class Endings
{
    /// <summary>The ABORT reason for a wrong answer to a challenge (the router's constant is internal).</summary>
    public const string AuthenticationFailed = "wamp.error.authentication_failed";

    /// <summary>Any ABORT the handshake may answer a HELLO of unknown content with.</summary>
    public const Ending HelloRefusals = Ending.ProtocolViolation | Ending.NoSuchRealm | Ending.NoMatchingAuthMethod | Ending.InvalidUri;

    /// <summary>
    /// Reads how the router ended the session from everything it sent: an ABORT must be the very
    /// last message, and its reason must be one the router has a rule for.
    /// </summary>
    public static Ending Classify(IReadOnlyList<WampMessage> received, WireEnd? end)
    {
        for (var i = 0; i < received.Count; i++)
        {
            if (received[i] is AbortMessage abort)
            {
                if (i != received.Count - 1)
                {
                    throw new InvalidOperationException($"The router sent {received[i + 1].Code} after ABORT {abort.Reason}.");
                }

                return abort.Reason switch
                {
                    WampErrors.ProtocolViolation => Ending.ProtocolViolation,
                    WampErrors.PayloadSizeExceeded => Ending.PayloadSizeExceeded,
                    AuthenticationFailed => Ending.AuthenticationFailed,
                    WampErrors.NoMatchingAuthMethod => Ending.NoMatchingAuthMethod,
                    WampErrors.NoSuchRealm => Ending.NoSuchRealm,
                    WampErrors.InvalidUri => Ending.InvalidUri,
                    _ => throw new InvalidOperationException($"ABORT with an unexpected reason {abort.Reason}: {abort.Details.GetValueOrDefault("message")}"),
                };
            }
        }

        if (end?.CloseStatus == WebSocketCloseStatus.InvalidPayloadData)
        {
            return Ending.InvalidPayloadClose;
        }

        return received.Count > 0 && received[^1] is GoodbyeMessage ? Ending.Goodbye : Ending.Closed;
    }
}
