using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using LiveStack.Testing;

namespace LiveStack.AspNetCore.Tests;

public sealed class TransportLimitTests : IAsyncLifetime
{
    private RouterHost _host = null!;

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync(o => o.MaxSessionsPerAddress = 2);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WebSocketOverTheSessionLimitGets503AndRawSocketGetsError4()
    {
        await using var first = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await using var second = await TestPeer.JoinAsync(_host.WebSocketUrl);

        using var third = new ClientWebSocket();
        third.Options.CollectHttpResponseDetails = true;
        third.Options.AddSubProtocol("wamp.2.json");
        await Assert.ThrowsAsync<WebSocketException>(() => third.ConnectAsync(_host.WebSocketUrl, CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.HttpStatusCode);

        using var raw = new TcpClient();
        await raw.ConnectAsync("127.0.0.1", _host.RawSocketPort);
        await raw.GetStream().WriteAsync(new byte[] { 0x7F, 0xF1, 0, 0 });
        var reply = new byte[4];
        await raw.GetStream().ReadExactlyAsync(reply);
        Assert.Equal(new byte[] { 0x7F, 0x40, 0, 0 }, reply);
    }
}
