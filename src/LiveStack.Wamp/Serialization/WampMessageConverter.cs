using LiveStack.Wamp.Messages;

namespace LiveStack.Wamp.Serialization;

/// <summary>
/// Converts between the neutral value tree every codec reads and writes (a list whose first
/// element is the message code) and typed messages, validating element count and types.
/// </summary>
/// <remarks>
/// The neutral tree uses: <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="ulong"/>
/// (only above <see cref="long.MaxValue"/>), <see cref="double"/>, <see cref="string"/>,
/// <see cref="byte"/>[], <see cref="IReadOnlyList{T}"/> of object and
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to object.
/// </remarks>
public static class WampMessageConverter
{
    /// <summary>Builds a typed message from a decoded array.</summary>
    /// <exception cref="WampProtocolException">The array is not a valid WAMP message.</exception>
    public static WampMessage FromArray(IReadOnlyList<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new WampProtocolException("Empty message.");
        }

        var code = ReadCode(items[0], "message type");
        var reader = new Reader(items, code);
        return code switch
        {
            MessageCode.Hello => reader.Done(new HelloMessage(reader.String(1), reader.Dict(2)), 3),
            MessageCode.Welcome => reader.Done(new WelcomeMessage(reader.Id(1), reader.Dict(2)), 3),
            MessageCode.Abort => reader.Done(new AbortMessage(reader.Dict(1), reader.String(2), reader.Args(3), reader.Kwargs(4)), 3, 5),
            MessageCode.Challenge => reader.Done(new ChallengeMessage(reader.String(1), reader.Dict(2)), 3),
            MessageCode.Authenticate => reader.Done(new AuthenticateMessage(reader.String(1), reader.Dict(2)), 3),
            MessageCode.Goodbye => reader.Done(new GoodbyeMessage(reader.Dict(1), reader.String(2)), 3),
            MessageCode.Error => reader.Done(new ErrorMessage(reader.RequestType(1), reader.Id(2), reader.Dict(3), reader.String(4), reader.Args(5), reader.Kwargs(6)), 5, 7),
            MessageCode.Publish => reader.Done(new PublishMessage(reader.Id(1), reader.Dict(2), reader.String(3), reader.Args(4), reader.Kwargs(5)), 4, 6),
            MessageCode.Published => reader.Done(new PublishedMessage(reader.Id(1), reader.Id(2)), 3),
            MessageCode.Subscribe => reader.Done(new SubscribeMessage(reader.Id(1), reader.Dict(2), reader.String(3)), 4),
            MessageCode.Subscribed => reader.Done(new SubscribedMessage(reader.Id(1), reader.Id(2)), 3),
            MessageCode.Unsubscribe => reader.Done(new UnsubscribeMessage(reader.Id(1), reader.Id(2)), 3),
            MessageCode.Unsubscribed => reader.Done(new UnsubscribedMessage(reader.RequestOrRevocation(1), reader.OptionalDict(2)), 2, 3),
            MessageCode.Event => reader.Done(new EventMessage(reader.Id(1), reader.Id(2), reader.Dict(3), reader.Args(4), reader.Kwargs(5)), 4, 6),
            MessageCode.Call => reader.Done(new CallMessage(reader.Id(1), reader.Dict(2), reader.String(3), reader.Args(4), reader.Kwargs(5)), 4, 6),
            MessageCode.Cancel => reader.Done(new CancelMessage(reader.Id(1), reader.Dict(2)), 3),
            MessageCode.Result => reader.Done(new ResultMessage(reader.Id(1), reader.Dict(2), reader.Args(3), reader.Kwargs(4)), 3, 5),
            MessageCode.Register => reader.Done(new RegisterMessage(reader.Id(1), reader.Dict(2), reader.String(3)), 4),
            MessageCode.Registered => reader.Done(new RegisteredMessage(reader.Id(1), reader.Id(2)), 3),
            MessageCode.Unregister => reader.Done(new UnregisterMessage(reader.Id(1), reader.Id(2)), 3),
            MessageCode.Unregistered => reader.Done(new UnregisteredMessage(reader.RequestOrRevocation(1), reader.OptionalDict(2)), 2, 3),
            MessageCode.Invocation => reader.Done(new InvocationMessage(reader.Id(1), reader.Id(2), reader.Dict(3), reader.Args(4), reader.Kwargs(5)), 4, 6),
            MessageCode.Interrupt => reader.Done(new InterruptMessage(reader.Id(1), reader.Dict(2)), 3),
            MessageCode.Yield => reader.Done(new YieldMessage(reader.Id(1), reader.Dict(2), reader.Args(3), reader.Kwargs(4)), 3, 5),
            _ => throw new WampProtocolException($"Unknown message type {(int)code}."),
        };
    }

    /// <summary>Flattens a message into the array a codec writes. The payload is written as given.</summary>
    public static object?[] ToArray(WampMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var code = (long)message.Code;
        return message switch
        {
            HelloMessage m => [code, m.Realm, m.Details],
            WelcomeMessage m => [code, m.Session, m.Details],
            AbortMessage m => WithPayload([code, m.Details, m.Reason], m),
            ChallengeMessage m => [code, m.AuthMethod, m.Extra],
            AuthenticateMessage m => [code, m.Signature, m.Extra],
            GoodbyeMessage m => [code, m.Details, m.Reason],
            ErrorMessage m => WithPayload([code, (long)m.RequestType, m.Request, m.Details, m.Error], m),
            PublishMessage m => WithPayload([code, m.Request, m.Options, m.Topic], m),
            PublishedMessage m => [code, m.Request, m.Publication],
            SubscribeMessage m => [code, m.Request, m.Options, m.Topic],
            SubscribedMessage m => [code, m.Request, m.Subscription],
            UnsubscribeMessage m => [code, m.Request, m.Subscription],
            UnsubscribedMessage m => m.Details is null ? [code, m.Request] : [code, m.Request, m.Details],
            EventMessage m => WithPayload([code, m.Subscription, m.Publication, m.Details], m),
            CallMessage m => WithPayload([code, m.Request, m.Options, m.Procedure], m),
            CancelMessage m => [code, m.Request, m.Options],
            ResultMessage m => WithPayload([code, m.Request, m.Details], m),
            RegisterMessage m => [code, m.Request, m.Options, m.Procedure],
            RegisteredMessage m => [code, m.Request, m.Registration],
            UnregisterMessage m => [code, m.Request, m.Registration],
            UnregisteredMessage m => m.Details is null ? [code, m.Request] : [code, m.Request, m.Details],
            InvocationMessage m => WithPayload([code, m.Request, m.Registration, m.Details], m),
            InterruptMessage m => [code, m.Request, m.Options],
            YieldMessage m => WithPayload([code, m.Request, m.Options], m),
            _ => throw new ArgumentException($"Unsupported message {message.GetType().Name}.", nameof(message)),
        };
    }

    private static object?[] WithPayload(object?[] head, IPayloadMessage payload)
    {
        if (payload.ArgumentsKeywords is not null)
        {
            return [.. head, payload.Arguments ?? Array.Empty<object?>(), payload.ArgumentsKeywords];
        }

        return payload.Arguments is not null ? [.. head, payload.Arguments] : head;
    }

    private static long ReadInteger(object? value, string what) => value switch
    {
        long l => l,
        ulong => throw new WampProtocolException($"The {what} is out of range."),
        _ => throw new WampProtocolException($"The {what} must be an integer."),
    };

    // A plain (MessageCode) cast of the long would keep only the low 32 bits, so 2^32 + 16 would pass
    // as PUBLISH; anything outside int's range is simply not a known code.
    private static MessageCode ReadCode(object? value, string what)
    {
        var code = ReadInteger(value, what);
        return code is >= 0 and <= int.MaxValue ? (MessageCode)code : throw new WampProtocolException($"Unknown {what} {code}.");
    }

    private readonly struct Reader(IReadOnlyList<object?> items, MessageCode code)
    {
        public T Done<T>(T message, int minCount, int maxCount = -1)
            where T : WampMessage
        {
            var max = maxCount < 0 ? minCount : maxCount;
            if (items.Count < minCount || items.Count > max)
            {
                var expected = minCount == max ? $"{minCount}" : $"{minCount} to {max}";
                throw new WampProtocolException($"{code} has {items.Count} elements; expected {expected}.");
            }

            return message;
        }

        private object? At(int index) =>
            index < items.Count ? items[index] : throw new WampProtocolException($"{code} is missing element {index}.");

        public long Id(int index)
        {
            var id = ReadInteger(At(index), $"{code} id at {index}");
            return WampIds.IsValid(id) ? id : throw new WampProtocolException($"{code} id at {index} is outside [1, 2^53].");
        }

        // Id 0 is valid only in the revocation form [UNSUBSCRIBED|UNREGISTERED, 0, Details]; without
        // Details it is an ordinary reply whose request id must be in [1, 2^53].
        public long RequestOrRevocation(int index)
        {
            if (index + 1 >= items.Count)
            {
                return Id(index);
            }

            var id = ReadInteger(At(index), $"{code} id at {index}");
            return id == 0 || WampIds.IsValid(id) ? id : throw new WampProtocolException($"{code} id at {index} is outside [0, 2^53].");
        }

        public MessageCode RequestType(int index)
        {
            var type = ReadCode(At(index), "ERROR request type");
            return type is MessageCode.Publish or MessageCode.Subscribe or MessageCode.Unsubscribe or MessageCode.Call
                or MessageCode.Register or MessageCode.Unregister or MessageCode.Invocation
                ? type
                : throw new WampProtocolException($"ERROR cannot answer request type {(int)type}.");
        }

        public string String(int index) =>
            At(index) as string ?? throw new WampProtocolException($"{code} element {index} must be a string.");


        public IReadOnlyDictionary<string, object?> Dict(int index) =>
            At(index) as IReadOnlyDictionary<string, object?> ?? throw new WampProtocolException($"{code} element {index} must be a dictionary.");

        public IReadOnlyDictionary<string, object?>? OptionalDict(int index) => index < items.Count ? Dict(index) : null;

        public IReadOnlyList<object?>? Args(int index)
        {
            if (index >= items.Count)
            {
                return null;
            }

            return items[index] switch
            {
                IReadOnlyList<object?> list => list,
                null => null,
                _ => throw new WampProtocolException($"{code} arguments must be a list."),
            };
        }

        public IReadOnlyDictionary<string, object?>? Kwargs(int index)
        {
            if (index >= items.Count)
            {
                return null;
            }

            return items[index] switch
            {
                IReadOnlyDictionary<string, object?> dict => dict,
                null => null,
                _ => throw new WampProtocolException($"{code} keyword arguments must be a dictionary."),
            };
        }
    }
}
