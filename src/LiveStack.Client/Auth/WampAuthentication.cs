using LiveStack.Wamp.Messages;

namespace LiveStack.Client.Auth;

/// <summary>
/// How a session proves who it is, declared as data: the client answers the router's challenge
/// itself. Use <see cref="Anonymous"/>, <see cref="Ticket"/>, <see cref="WampCra"/> or <see cref="Cryptosign"/>.
/// </summary>
public abstract record WampAuthentication
{
    private protected WampAuthentication()
    {
    }

    /// <summary>No credentials: the realm's anonymous role, if it has one.</summary>
    public static WampAuthentication Anonymous { get; } = new AnonymousAuthentication();

    /// <summary>The method announced in HELLO <c>authmethods</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The identity announced in HELLO <c>authid</c>, or null.</summary>
    public abstract string? AuthId { get; }

    /// <summary>A ticket (password or token) sent as is.</summary>
    public static WampAuthentication Ticket(string authId, string ticket) => new TicketAuthentication(authId, ticket);

    /// <summary>WAMP-CRA: an HMAC of the router's challenge with the shared secret (salted secrets are derived as the challenge says).</summary>
    public static WampAuthentication WampCra(string authId, string secret) => new WampCraAuthentication(authId, secret);

    /// <summary>WAMP-Cryptosign: an Ed25519 signature of the router's challenge with a 32-byte private key seed given in hex.</summary>
    public static WampAuthentication Cryptosign(string authId, string privateKeySeedHex) => new CryptosignAuthentication(authId, privateKeySeedHex);

    internal virtual IReadOnlyDictionary<string, object?>? AuthExtra => null;

    /// <summary>The AUTHENTICATE signature for a CHALLENGE of this method.</summary>
    internal abstract string Answer(ChallengeMessage challenge);

    private sealed record AnonymousAuthentication : WampAuthentication
    {
        public override string Method => "anonymous";

        public override string? AuthId => null;

        internal override string Answer(ChallengeMessage challenge) =>
            throw new InvalidOperationException("The router challenged an anonymous session.");
    }

    private sealed record TicketAuthentication(string Id, string Secret) : WampAuthentication
    {
        public override string Method => "ticket";

        public override string? AuthId => Id;

        internal override string Answer(ChallengeMessage challenge) => Secret;

        // Keep the ticket out of logs and exception messages.
        public override string ToString() => $"ticket ({Id})";
    }

    private sealed record WampCraAuthentication(string Id, string Secret) : WampAuthentication
    {
        public override string Method => "wampcra";

        public override string? AuthId => Id;

        internal override string Answer(ChallengeMessage challenge)
        {
            var text = challenge.Extra.TryGetValue("challenge", out var value) && value is string s
                ? s
                : throw new WampException(LiveStack.Wamp.WampErrors.ProtocolViolation, "The WAMP-CRA challenge has no challenge string.");
            var key = challenge.Extra.TryGetValue("salt", out var salt) && salt is string saltText
                ? Wamp.Auth.WampCra.DeriveKey(Secret, saltText, ReadInt(challenge, "iterations", 1000), ReadInt(challenge, "keylen", 32))
                : Secret;
            return Wamp.Auth.WampCra.Sign(key, text);
        }

        public override string ToString() => $"wampcra ({Id})";

        private static int ReadInt(ChallengeMessage challenge, string key, int fallback) =>
            challenge.Extra.TryGetValue(key, out var value) ? value switch
            {
                long l => (int)l,
                double d => (int)d,
                _ => fallback,
            } : fallback;
    }

    private sealed record CryptosignAuthentication(string Id, string Seed) : WampAuthentication
    {
        private readonly Dictionary<string, object?> _extra = new(StringComparer.Ordinal) { ["pubkey"] = Wamp.Auth.Cryptosign.PublicKeyOf(Seed) };

        public override string Method => "cryptosign";

        public override string? AuthId => Id;

        internal override IReadOnlyDictionary<string, object?>? AuthExtra => _extra;

        internal override string Answer(ChallengeMessage challenge)
        {
            var text = challenge.Extra.TryGetValue("challenge", out var value) && value is string s
                ? s
                : throw new WampException(LiveStack.Wamp.WampErrors.ProtocolViolation, "The Cryptosign challenge has no challenge string.");
            return Wamp.Auth.Cryptosign.Sign(Seed, text);
        }

        public override string ToString() => $"cryptosign ({Id})";
    }
}
