using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

/// <summary>One event delivered to a subscription.</summary>
public sealed class WampEvent : WampPayload
{
    internal WampEvent(EventMessage message, string subscribedTopic)
        : base(message.Arguments, message.ArgumentsKeywords)
    {
        Details = message.Details;
        SubscriptionId = message.Subscription;
        PublicationId = message.Publication;
        Topic = message.Details.TryGetValue("topic", out var topic) && topic is string concrete ? concrete : subscribedTopic;
    }

    /// <summary>The topic the event was published to (for pattern subscriptions, the concrete topic).</summary>
    public string Topic { get; }

    /// <summary>The subscription that received the event.</summary>
    public long SubscriptionId { get; }

    /// <summary>The publication id the router assigned.</summary>
    public long PublicationId { get; }

    /// <summary>The publisher's session id, when the publisher disclosed it (or the router discloses it).</summary>
    public long? Publisher => Details.TryGetValue("publisher", out var value) && value is long id ? id : null;

    /// <summary>The publisher's authid, when disclosed.</summary>
    public string? PublisherAuthId => Details.TryGetValue("publisher_authid", out var value) ? value as string : null;

    /// <summary>The publisher's authrole, when disclosed.</summary>
    public string? PublisherAuthRole => Details.TryGetValue("publisher_authrole", out var value) ? value as string : null;

    /// <summary>The EVENT details, as the router sent them.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}
