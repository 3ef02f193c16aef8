using System.Net.Sockets;
using LiveStack.Wamp.RawSocket;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Client.Transports;

/// <summary>Connects to a router's RawSocket listener over TCP (<c>rs://host:port</c> or <c>tcp://host:port</c>).</summary>
/// <param name="host">The router's host name or address.</param>
/// <param name="port">The RawSocket port.</param>
/// <param name="codec">The serializer announced in the handshake.</param>
/// <param name="maxMessageSize">The largest message this client accepts, announced in the handshake (rounded down to a power of two, 512 B to 16 MiB).</param>
public sealed class RawSocketConnector(string host, int port, IWampCodec codec, int maxMessageSize = RawSocketFrame.MaxLength) : IWampConnector
{
    /// <inheritdoc />
    public string Description => $"rs://{host}:{port} ({codec.Subprotocol})";

    /// <inheritdoc />
    public async ValueTask<IWampConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            var exponent = RawSocketFrame.ExponentForLength(maxMessageSize);
            byte[] hello = [RawSocketFrame.Magic, (byte)((exponent << 4) | (int)codec.Serializer), 0, 0];
            await stream.WriteAsync(hello, cancellationToken).ConfigureAwait(false);
            var reply = new byte[4];
            await stream.ReadExactlyAsync(reply, cancellationToken).ConfigureAwait(false);
            if (reply[0] != RawSocketFrame.Magic)
            {
                throw new IOException($"{Description} did not answer with a RawSocket handshake.");
            }

            if ((reply[1] & 0x0F) == 0)
            {
                throw new IOException($"{Description} refused the RawSocket handshake (error {reply[1] >> 4}: {Refusal(reply[1] >> 4)}).");
            }

            var routerLimit = RawSocketFrame.LengthFromExponent(reply[1] >> 4);
            return new RawSocketConnection(client, stream, codec, RawSocketFrame.LengthFromExponent(exponent), routerLimit, Description);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string Refusal(int code) => code switch
    {
        RawSocketFrame.ErrorSerializerUnsupported => "serializer unsupported",
        RawSocketFrame.ErrorLengthUnacceptable => "maximum length unacceptable",
        RawSocketFrame.ErrorReservedBitsUsed => "reserved bits used",
        RawSocketFrame.ErrorConnectionLimit => "connection limit reached",
        _ => "unknown",
    };
}
