using LiveStack.Router;
using LiveStack.Router.Sessions;
using LiveStack.Wamp.Serialization;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore;

/// <summary>The send loops' shared step: encode one outgoing message for this peer's serializer.</summary>
internal static class OutgoingEncoding
{
    /// <summary>
    /// Encodes <paramref name="message"/> (reusing a fan-out's cached bytes). A payload this
    /// serializer cannot express (e.g. NaN in JSON) is lost for this peer only: it is logged,
    /// counted as handled, and false is returned.
    /// </summary>
    public static bool TryEncode(OutgoingMessage message, IWampCodec codec, PooledBufferWriter scratch, RouterSession session, ILogger logger, out ReadOnlyMemory<byte> bytes)
    {
        scratch.Clear();
        try
        {
            bytes = message.Encode(codec, scratch);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            HostingLog.EncodeFailed(logger, session.Id, message.Message.Code.ToString(), e);
            session.OnMessageSent();
            bytes = default;
            return false;
        }
    }
}
