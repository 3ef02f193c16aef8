using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace LiveStack.AspNetCore.RawSocket;

/// <summary>Adds the RawSocket listener to Kestrel when <see cref="RawSocketOptions.Port"/> is set.</summary>
internal sealed class RawSocketKestrelSetup(IOptions<LiveStackOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var rawSocket = options.Value.RawSocket;
        if (rawSocket.Port is not { } port)
        {
            return;
        }

        var address = rawSocket.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(rawSocket.Host);
        kestrel.Listen(address, port, listen => listen.UseConnectionHandler<RawSocketConnectionHandler>());
    }
}
