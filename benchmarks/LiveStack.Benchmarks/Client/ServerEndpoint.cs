using System.Net;
using System.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>Where a server listens and the HTTP upgrade request, built once, that opens a WebSocket to it.</summary>
internal sealed class ServerEndpoint
{
    public ServerEndpoint(int port, string path, string? subprotocol)
    {
        Address = new IPEndPoint(IPAddress.Loopback, port);
        Subprotocol = subprotocol;
        var protocolHeader = subprotocol is null ? string.Empty : $"Sec-WebSocket-Protocol: {subprotocol}\r\n";
        // A fixed key is enough: servers only check its format, and the client trusts the local server's answer.
        UpgradeRequest = Encoding.ASCII.GetBytes(
            $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n{protocolHeader}\r\n");
    }

    public IPEndPoint Address { get; }

    public string? Subprotocol { get; }

    public ReadOnlyMemory<byte> UpgradeRequest { get; }
}
