using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests;

public sealed class RawSocketTests : IAsyncLifetime
{
    private RouterHost _host = null!;

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(0xF1, 0x01)] // JSON, client accepts 16 MiB
    [InlineData(0x22, 0x02)] // MessagePack
    [InlineData(0x03, 0x03)] // CBOR, client accepts only 512 bytes
    public async Task HandshakeEchoesTheSerializerAndAnnouncesTheRoutersMaximum(byte octet, byte serializer)
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 0x7F, octet, 0, 0 });

        var reply = await ReadExactlyAsync(stream, 4);
        Assert.Equal(0x7F, reply[0]);
        Assert.Equal(serializer, reply[1] & 0x0F);
        // Default MaxMessageSize is 1 MiB = 2^(9+11).
        Assert.Equal(11, reply[1] >> 4);
        Assert.Equal(new byte[] { 0, 0 }, reply[2..]);
    }

    [Theory]
    [InlineData(0xF0, 0, 1)] // serializer 0 is illegal
    [InlineData(0xF7, 0, 1)] // serializer 7 is reserved
    [InlineData(0xF1, 1, 3)] // reserved octets used
    public async Task HandshakeRefusals(byte octet, byte reserved, int expectedError)
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 0x7F, octet, reserved, 0 });

        var reply = await ReadExactlyAsync(stream, 4);
        Assert.Equal(new byte[] { 0x7F, (byte)(expectedError << 4), 0, 0 }, reply);
    }

    [Fact]
    public async Task NonRawSocketBytesCloseTheConnection()
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());
        var buffer = new byte[16];

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await stream.ReadAsync(buffer, timeout.Token));
    }

    [Fact]
    public async Task PingGetsAPongWithTheSamePayload()
    {
        using var client = await HandshakeAsync(WampSerializer.Json);
        var stream = client.GetStream();
        await WriteFrameAsync(stream, 1, "are you there?"u8.ToArray());

        var (type, payload) = await ReadFrameAsync(stream);
        Assert.Equal(2, type);
        Assert.Equal("are you there?"u8.ToArray(), payload);
    }

    [Theory]
    [InlineData(WampSerializer.Json)]
    [InlineData(WampSerializer.MessagePack)]
    [InlineData(WampSerializer.Cbor)]
    public async Task RoutesBetweenRawSocketAndWebSocket(WampSerializer serializer)
    {
        var codec = WampCodecs.FromSerializer(serializer)!;
        using var client = await HandshakeAsync(serializer);
        var stream = client.GetStream();
        await SendAsync(stream, codec, new HelloMessage("realm1", TestPeer.HelloDetails()));
        Assert.IsType<WelcomeMessage>(await ReceiveAsync(stream, codec));
        await SendAsync(stream, codec, new SubscribeMessage(1, new Dictionary<string, object?>(), "com.example.raw"));
        Assert.IsType<SubscribedMessage>(await ReceiveAsync(stream, codec));

        await using var publisher = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.example.raw", ["over tcp"]));

        var evt = Assert.IsType<EventMessage>(await ReceiveAsync(stream, codec));
        Assert.Equal("over tcp", evt.Arguments![0]);
    }

    [Fact]
    public async Task EventsLargerThanTheClientsMaximumAreNotSentToIt()
    {
        // 2^(9+2) = 2 KiB: room for WELCOME, not for the big event.
        using var client = await HandshakeAsync(WampSerializer.Json, exponent: 2);
        var stream = client.GetStream();
        var codec = WampCodecs.Json;
        await SendAsync(stream, codec, new HelloMessage("realm1", TestPeer.HelloDetails()));
        await ReceiveAsync(stream, codec);
        await SendAsync(stream, codec, new SubscribeMessage(1, new Dictionary<string, object?>(), "com.example.sizes"));
        await ReceiveAsync(stream, codec);

        await using var publisher = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.example.sizes", [new string('x', 3000)]));
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.example.sizes", ["small"]));

        var evt = Assert.IsType<EventMessage>(await ReceiveAsync(stream, codec));
        Assert.Equal("small", evt.Arguments![0]);
    }

    [Fact]
    public async Task FrameWithReservedBitsAborts()
    {
        using var client = await HandshakeAsync(WampSerializer.Json);
        var stream = client.GetStream();
        var codec = WampCodecs.Json;
        await SendAsync(stream, codec, new HelloMessage("realm1", TestPeer.HelloDetails()));
        await ReceiveAsync(stream, codec);
        await stream.WriteAsync(new byte[] { 0x40, 0, 0, 2, (byte)'[', (byte)']' });

        var abort = Assert.IsType<AbortMessage>(await ReceiveAsync(stream, codec));
        Assert.Equal(Wamp.WampErrors.ProtocolViolation, abort.Reason);
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _host.RawSocketPort);
        return client;
    }

    private async Task<TcpClient> HandshakeAsync(WampSerializer serializer, int exponent = 15)
    {
        var client = await ConnectAsync();
        await client.GetStream().WriteAsync(new byte[] { 0x7F, (byte)((exponent << 4) | (int)serializer), 0, 0 });
        await ReadExactlyAsync(client.GetStream(), 4);
        return client;
    }

    private static async Task SendAsync(NetworkStream stream, IWampCodec codec, WampMessage message)
    {
        using var buffer = new PooledBufferWriter();
        codec.Encode(message, buffer);
        await WriteFrameAsync(stream, 0, buffer.WrittenMemory.ToArray());
    }

    private static async Task<WampMessage> ReceiveAsync(NetworkStream stream, IWampCodec codec)
    {
        var (type, payload) = await ReadFrameAsync(stream);
        Assert.Equal(0, type);
        return codec.Decode(new ReadOnlySequence<byte>(payload));
    }

    private static async Task WriteFrameAsync(NetworkStream stream, byte type, byte[] payload)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)((type << 24) | payload.Length));
        await stream.WriteAsync(header);
        await stream.WriteAsync(payload);
    }

    private static async Task<(int Type, byte[] Payload)> ReadFrameAsync(NetworkStream stream)
    {
        var header = await ReadExactlyAsync(stream, 4);
        var length = (header[1] << 16) | (header[2] << 8) | header[3];
        return (header[0] & 0x07, await ReadExactlyAsync(stream, length));
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}
