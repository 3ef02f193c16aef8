using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Routing;

/// <summary>
/// The realm's broker: subscriptions indexed by exact topic, prefix and wildcard pattern and by
/// id, retained events, and the fan-out of publications. Every method runs under the realm's
/// gate, so the tables need no locks of their own; delivery only queues into bounded outboxes.
/// </summary>
internal sealed class Broker(Realm realm)
{
    private readonly PatternTables<Subscription> _tables = new();
    private readonly Dictionary<long, Subscription> _byId = [];
    private readonly Dictionary<string, Publication> _retained = new(StringComparer.Ordinal);

    public IEnumerable<Subscription> All => _byId.Values;

    public void Subscribe(RouterSession session, SubscribeMessage message)
    {
        var match = MatchPolicies.Parse(message.Options.GetString("match"));
        if (match is not { } policy)
        {
            session.TrySend(Errors.Reply(message, WampErrors.InvalidArgument, "Unknown match policy."));
            return;
        }

        if (!MatchPolicies.IsValidPattern(message.Topic, policy, realm.StrictUris))
        {
            session.TrySend(Errors.Reply(message, WampErrors.InvalidUri, $"'{message.Topic}' is not a valid {policy.ToWire()} topic."));
            return;
        }

        lock (realm.Gate)
        {
            var table = _tables.For(policy);
            var created = false;
            if (!table.TryGetValue(message.Topic, out var subscription))
            {
                subscription = new Subscription(realm.NextRouterId(), message.Topic, policy, realm.Now);
                table[message.Topic] = subscription;
                _byId[subscription.Id] = subscription;
                created = true;
            }

            if (Array.IndexOf(subscription.Subscribers, session) >= 0)
            {
                // A repeat SUBSCRIBE gets the existing id and no duplicate events (wamp-proto#142).
                session.TrySend(new SubscribedMessage(message.Request, subscription.Id));
                return;
            }

            subscription.Subscribers = [.. subscription.Subscribers, session];
            session.SubscriptionIds.Add(subscription.Id);
            session.TrySend(new SubscribedMessage(message.Request, subscription.Id));
            if (created)
            {
                PublishMeta("wamp.subscription.on_create", session.Id, subscription.Describe());
            }

            PublishMeta("wamp.subscription.on_subscribe", session.Id, subscription.Id);
            if (message.Options.GetBool("get_retained") == true)
            {
                SendRetained(session, subscription);
            }
        }
    }

    public void Unsubscribe(RouterSession session, UnsubscribeMessage message)
    {
        lock (realm.Gate)
        {
            if (!_byId.TryGetValue(message.Subscription, out var subscription) || !session.SubscriptionIds.Contains(subscription.Id))
            {
                session.TrySend(Errors.Reply(message, WampErrors.NoSuchSubscription));
                return;
            }

            session.TrySend(new UnsubscribedMessage(message.Request));
            RemoveSubscriber(session, subscription);
        }
    }

    /// <summary>Publishes; <paramref name="forceDisclose"/> discloses the publisher even if it did not ask (role permission).</summary>
    public void Publish(RouterSession publisher, PublishMessage message, bool forceDisclose = false)
    {
        var acknowledge = message.Options.GetBool("acknowledge") == true;
        if (!WampUri.IsValid(message.Topic, realm.StrictUris) || WampUri.IsReserved(message.Topic))
        {
            if (acknowledge)
            {
                publisher.TrySend(Errors.Reply(message, WampErrors.InvalidUri, $"'{message.Topic}' is not a valid topic for a client to publish to."));
            }

            return;
        }

        var disclose = forceDisclose || message.Options.GetBool("disclose_me") == true;
        var publication = new Publication(
            WampIds.NewGlobalId(),
            message.Topic,
            message.Arguments,
            message.ArgumentsKeywords,
            PublicationFilter.FromOptions(message.Options, publisher.Id),
            disclose ? new PublisherIdentity(publisher.Id, publisher.AuthId, publisher.AuthRole) : null);

        lock (realm.Gate)
        {
            Deliver(publication);
            if (message.Options.GetBool("retain") == true)
            {
                _retained[publication.Topic] = publication;
            }

            if (acknowledge)
            {
                publisher.TrySend(new PublishedMessage(message.Request, publication.Id));
            }
        }
    }

    /// <summary>
    /// Delivers a publication to every matching subscription on this node: one EVENT per
    /// subscription, built and serialized once and shared by all of its subscribers.
    /// </summary>
    public void Deliver(Publication publication)
    {
        lock (realm.Gate)
        {
            if (_tables.Exact.TryGetValue(publication.Topic, out var exact))
            {
                DeliverTo(exact, publication, retained: false, onlyTo: null);
            }

            foreach (var subscription in _tables.Prefix.Values)
            {
                if (subscription.Matches(publication.Topic))
                {
                    DeliverTo(subscription, publication, retained: false, onlyTo: null);
                }
            }

            foreach (var subscription in _tables.Wildcard.Values)
            {
                if (subscription.Matches(publication.Topic))
                {
                    DeliverTo(subscription, publication, retained: false, onlyTo: null);
                }
            }
        }
    }

    /// <summary>Publishes a meta event from the router itself (no publisher, no filter).</summary>
    public void PublishMeta(string topic, params object?[] arguments) =>
        Deliver(new Publication(WampIds.NewGlobalId(), topic, arguments, null, PublicationFilter.Everyone, null));

    /// <summary>Publishes an event on behalf of the router with the given PUBLISH options (testaments).</summary>
    public void PublishFromRouter(string topic, IReadOnlyList<object?>? arguments, IReadOnlyDictionary<string, object?>? keywords, IReadOnlyDictionary<string, object?> options) =>
        Deliver(new Publication(WampIds.NewGlobalId(), topic, arguments, keywords, PublicationFilter.FromOptions(options, publisherSession: 0), null));

    /// <summary>Drops every subscription of a leaving session, with the meta events a normal unsubscribe gives.</summary>
    public void RemoveSession(RouterSession session)
    {
        foreach (var id in session.SubscriptionIds.ToArray())
        {
            if (_byId.TryGetValue(id, out var subscription))
            {
                RemoveSubscriber(session, subscription);
            }
        }
    }

    public Subscription? Find(long id) => _byId.GetValueOrDefault(id);

    public Subscription? Lookup(string topic, MatchPolicy match) => _tables.For(match).GetValueOrDefault(topic);

    public IEnumerable<Subscription> Matching(string topic) => _byId.Values.Where(s => s.Matches(topic));

    public IEnumerable<Subscription> WithPolicy(MatchPolicy match) => _tables.For(match).Values;

    private void RemoveSubscriber(RouterSession session, Subscription subscription)
    {
        subscription.Subscribers = Array.FindAll(subscription.Subscribers, s => s != session);
        session.SubscriptionIds.Remove(subscription.Id);
        PublishMeta("wamp.subscription.on_unsubscribe", session.Id, subscription.Id);
        if (subscription.Subscribers.Length == 0)
        {
            _tables.For(subscription.Match).Remove(subscription.Uri);
            _byId.Remove(subscription.Id);
            PublishMeta("wamp.subscription.on_delete", session.Id, subscription.Id);
        }
    }

    private void SendRetained(RouterSession session, Subscription subscription)
    {
        if (subscription.Match == MatchPolicy.Exact)
        {
            if (_retained.TryGetValue(subscription.Uri, out var publication))
            {
                DeliverTo(subscription, publication, retained: true, onlyTo: session);
            }

            return;
        }

        foreach (var publication in _retained.Values)
        {
            if (subscription.Matches(publication.Topic))
            {
                DeliverTo(subscription, publication, retained: true, onlyTo: session);
            }
        }
    }

    private static void DeliverTo(Subscription subscription, Publication publication, bool retained, RouterSession? onlyTo)
    {
        var subscribers = onlyTo is null ? subscription.Subscribers : [onlyTo];
        if (subscribers.Length == 0)
        {
            return;
        }

        var filter = retained ? publication.Filter.WithoutPublisherExclusion() : publication.Filter;
        OutgoingMessage? outgoing = null;
        foreach (var subscriber in subscribers)
        {
            if (!filter.Allows(subscriber))
            {
                continue;
            }

            outgoing ??= new OutgoingMessage(
                new EventMessage(subscription.Id, publication.Id, EventDetails(subscription, publication, retained), publication.Arguments, publication.ArgumentsKeywords),
                shared: subscribers.Length > 1);
            subscriber.TrySend(outgoing);
        }
    }

    private static IReadOnlyDictionary<string, object?> EventDetails(Subscription subscription, Publication publication, bool retained)
    {
        if (subscription.Match == MatchPolicy.Exact && publication.Publisher is null && !retained)
        {
            return RouterSession.EmptyDetails;
        }

        var details = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (subscription.Match != MatchPolicy.Exact)
        {
            details["topic"] = publication.Topic;
        }

        if (publication.Publisher is { } publisher)
        {
            details["publisher"] = publisher.Session;
            details["publisher_authid"] = publisher.AuthId;
            details["publisher_authrole"] = publisher.AuthRole;
        }

        if (retained)
        {
            details["retained"] = true;
        }

        return details;
    }
}
