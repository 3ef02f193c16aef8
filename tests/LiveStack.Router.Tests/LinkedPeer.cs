using LiveStack.Router.Sessions;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Tests;

/// <summary>
/// An in-process peer wired straight to a <see cref="RouterSession"/>: what it sends goes to
/// <see cref="RouterSession.Receive"/>, what it receives is read from the session's outbox.
/// The router queues synchronously, so tests need no waiting.
/// </summary>
internal sealed class LinkedPeer
{
    private long _nextRequest;

    private LinkedPeer(RouterSession session) => Session = session;

    public RouterSession Session { get; }

    public long Id => Session.Id;

    public static LinkedPeer Connect(WampRouter router, TransportDetails? transport = null) =>
        new(router.OpenSession(transport ?? new TransportDetails("test", "json", "test:peer")));

    public static LinkedPeer Join(WampRouter router, string realm = "realm1", IReadOnlyDictionary<string, object?>? details = null)
    {
        var peer = Connect(router);
        peer.Send(new HelloMessage(realm, details ?? Hello()));
        peer.Receive<WelcomeMessage>();
        return peer;
    }

    /// <summary>HELLO details announcing all client roles; <paramref name="calleeFeatures"/> overrides the callee's features.</summary>
    public static Dictionary<string, object?> Hello(string? authId = null, params string[] calleeFeatures)
    {
        var features = new Dictionary<string, object?>
        {
            ["progressive_call_results"] = true,
            ["call_canceling"] = true,
            ["call_timeout"] = true,
            ["caller_identification"] = true,
            ["pattern_based_registration"] = true,
            ["shared_registration"] = true,
        };
        var calleeSet = calleeFeatures.Length == 0
            ? features
            : calleeFeatures.Where(f => f != "none").ToDictionary(f => f, _ => (object?)true);
        var details = new Dictionary<string, object?>
        {
            ["roles"] = new Dictionary<string, object?>
            {
                ["publisher"] = new Dictionary<string, object?> { ["features"] = new Dictionary<string, object?>() },
                ["subscriber"] = new Dictionary<string, object?> { ["features"] = new Dictionary<string, object?>() },
                ["caller"] = new Dictionary<string, object?> { ["features"] = features },
                ["callee"] = new Dictionary<string, object?> { ["features"] = calleeSet },
            },
        };
        if (authId is not null)
        {
            details["authid"] = authId;
        }

        return details;
    }

    public long NextRequest() => ++_nextRequest;

    // Static authentication and authorization complete synchronously, so tests need no awaiting.
    public void Send(WampMessage message) => Session.ReceiveAsync(message).AsTask().GetAwaiter().GetResult();

    /// <summary>The next queued message, or null when the outbox is empty.</summary>
    public WampMessage? TryReceive()
    {
        if (Session.Outgoing.TryRead(out var message))
        {
            Session.OnMessageSent();
            return message.Message;
        }

        return null;
    }

    public OutgoingMessage? TryReceiveOutgoing() => Session.Outgoing.TryRead(out var message) ? message : null;

    public T Receive<T>()
        where T : WampMessage
    {
        var message = TryReceive();
        return message as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, got {message?.ToString() ?? "nothing"}.");
    }

    public void AssertNothing()
    {
        var message = TryReceive();
        Assert.True(message is null, $"Expected nothing, got {message}.");
    }

    /// <summary>Drains everything queued.</summary>
    public List<WampMessage> Drain()
    {
        var all = new List<WampMessage>();
        while (TryReceive() is { } message)
        {
            all.Add(message);
        }

        return all;
    }

    public long Subscribe(string topic, Dictionary<string, object?>? options = null)
    {
        Send(new SubscribeMessage(NextRequest(), options ?? [], topic));
        return Receive<SubscribedMessage>().Subscription;
    }

    public long Register(string procedure, Dictionary<string, object?>? options = null)
    {
        Send(new RegisterMessage(NextRequest(), options ?? [], procedure));
        return Receive<RegisteredMessage>().Registration;
    }

    public long Call(string procedure, IReadOnlyList<object?>? args = null, Dictionary<string, object?>? options = null)
    {
        var request = NextRequest();
        Send(new CallMessage(request, options ?? [], procedure, args));
        return request;
    }

    public void Publish(string topic, IReadOnlyList<object?>? args = null, Dictionary<string, object?>? options = null) =>
        Send(new PublishMessage(NextRequest(), options ?? [], topic, args));

    /// <summary>Calls a meta procedure and returns the first result argument.</summary>
    public object? CallMeta(string procedure, IReadOnlyList<object?>? args = null, Dictionary<string, object?>? kwargs = null)
    {
        var request = NextRequest();
        Send(new CallMessage(request, new Dictionary<string, object?>(), procedure, args ?? [], kwargs));
        var reply = TryReceive();
        return reply switch
        {
            ResultMessage result when result.Request == request => result.Arguments?[0],
            ErrorMessage error => throw new Xunit.Sdk.XunitException($"{procedure} failed: {error.Error}"),
            _ => throw new Xunit.Sdk.XunitException($"Expected RESULT for {procedure}, got {reply?.ToString() ?? "nothing"}."),
        };
    }
}
