using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

public sealed partial class WampSession
{
    private readonly Lock _subscriptionsLock = new();
    private readonly Dictionary<long, SubscriptionState> _subscriptions = [];

    /// <summary>
    /// Subscribes <paramref name="handler"/> to a topic. Events reach handlers one at a time, in
    /// the order the router sent them. When this session already holds the same subscription,
    /// the handler joins it and the router is asked only once.
    /// </summary>
    /// <exception cref="WampException">The router refused the subscription.</exception>
    public async Task<WampSubscription> SubscribeAsync(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var match = MatchOptions(options?.Match ?? MatchPolicy.Exact);
        WampSubscription? subscription = null;
        await RequestAsync(requestId => new SubscribeMessage(requestId, match, topic), cancellationToken, reply =>
        {
            // Runs on the receive loop, so no EVENT of this subscription can be read before the handler is in place.
            var id = ((SubscribedMessage)reply).Subscription;
            lock (_subscriptionsLock)
            {
                if (!_subscriptions.TryGetValue(id, out var state))
                {
                    _subscriptions[id] = state = new SubscriptionState(topic);
                }

                state.Handlers = [.. state.Handlers, handler];
            }

            subscription = new WampSubscription(this, id, topic, handler);
        }).ConfigureAwait(false);
        return subscription!;
    }

    /// <summary>Publishes an event with positional and keyword arguments (values of the neutral tree; see <see cref="WampConvert"/>).</summary>
    /// <returns>The publication id when <see cref="PublishOptions.Acknowledge"/> is set; otherwise null.</returns>
    /// <exception cref="WampException">An acknowledged publication was refused.</exception>
    public async Task<long?> PublishAsync(string topic, IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? argumentsKeywords = null, PublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var publishOptions = PublishOptionsDictionary(options);
        WampMessage Create(long requestId) => new PublishMessage(requestId, publishOptions, topic, arguments, argumentsKeywords);
        if (options?.Acknowledge != true)
        {
            await SendRequestAsync(Create, null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var reply = await RequestAsync(Create, cancellationToken).ConfigureAwait(false);
        return ((PublishedMessage)reply).Publication;
    }

    /// <summary>Publishes CLR values as positional arguments.</summary>
    public Task<long?> PublishAsync(string topic, params object?[] arguments) =>
        PublishAsync(topic, WampConvert.ToWampList(arguments, Options.JsonOptions));

    internal async Task UnsubscribeAsync(WampSubscription subscription, CancellationToken cancellationToken)
    {
        bool last;
        lock (_subscriptionsLock)
        {
            if (!_subscriptions.TryGetValue(subscription.Id, out var state) || !state.Handlers.Contains(subscription.Handler))
            {
                return;
            }

            state.Handlers = [.. state.Handlers.Where(h => h != subscription.Handler)];
            last = state.Handlers.Length == 0;
            if (last)
            {
                _subscriptions.Remove(subscription.Id);
            }
        }

        if (last && IsOpen)
        {
            await RequestAsync(requestId => new UnsubscribeMessage(requestId, subscription.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    private void QueueEvent(EventMessage message)
    {
        SubscriptionState? state;
        lock (_subscriptionsLock)
        {
            _subscriptions.TryGetValue(message.Subscription, out state);
        }

        if (state is not null)
        {
            _events.Writer.TryWrite((new WampEvent(message, state.Topic), state));
        }
    }

    private async Task EventLoopAsync()
    {
        await foreach (var (@event, state) in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var handler in state.Handlers)
            {
                try
                {
                    await handler(@event, Stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    ClientLog.EventHandlerFailed(_logger, @event.Topic, e);
                }
            }
        }
    }

    private static Dictionary<string, object?> MatchOptions(MatchPolicy match)
    {
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (match != MatchPolicy.Exact)
        {
            options["match"] = match == MatchPolicy.Prefix ? "prefix" : "wildcard";
        }

        return options;
    }

    private static Dictionary<string, object?> PublishOptionsDictionary(PublishOptions? options)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (options is null)
        {
            return dictionary;
        }

        if (options.Acknowledge)
        {
            dictionary["acknowledge"] = true;
        }

        if (options.IncludeMe)
        {
            dictionary["exclude_me"] = false;
        }

        if (options.DiscloseMe)
        {
            dictionary["disclose_me"] = true;
        }

        AddList(dictionary, "exclude", options.Exclude);
        AddList(dictionary, "eligible", options.Eligible);
        AddList(dictionary, "exclude_authid", options.ExcludeAuthIds);
        AddList(dictionary, "eligible_authid", options.EligibleAuthIds);
        AddList(dictionary, "exclude_authrole", options.ExcludeAuthRoles);
        AddList(dictionary, "eligible_authrole", options.EligibleAuthRoles);
        return dictionary;
    }

    private static void AddList<T>(Dictionary<string, object?> dictionary, string key, IReadOnlyList<T>? values)
    {
        if (values is not null)
        {
            dictionary[key] = values.Select(value => (object?)(value is long id ? id : value)).ToList();
        }
    }

    /// <summary>The local handlers sharing one router subscription; the array is replaced, never mutated, so the event loop reads it without a lock.</summary>
    private sealed class SubscriptionState(string topic)
    {
        public string Topic { get; } = topic;

        public volatile Func<WampEvent, CancellationToken, ValueTask>[] Handlers = [];
    }
}
