using System.Globalization;
using System.Text.Json;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Vectors;

/// <summary>
/// The one place that maps the vectors' <c>expected_attributes</c> (autobahn-python's attribute names)
/// onto our message records. Values come back as neutral-tree values (see Support/Canonical).
/// </summary>
internal static class VectorAttributes
{
    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["request_id"] = nameof(PublishMessage.Request),
        ["request_type"] = nameof(ErrorMessage.RequestType),
        ["options"] = nameof(PublishMessage.Options),
        ["details"] = nameof(EventMessage.Details),
        ["extra"] = nameof(ChallengeMessage.Extra),
        ["topic"] = nameof(PublishMessage.Topic),
        ["procedure"] = nameof(CallMessage.Procedure),
        ["realm"] = nameof(HelloMessage.Realm),
        ["reason"] = nameof(GoodbyeMessage.Reason),
        ["error"] = nameof(ErrorMessage.Error),
        ["method"] = nameof(ChallengeMessage.AuthMethod),
        ["signature"] = nameof(AuthenticateMessage.Signature),
        ["args"] = nameof(IPayloadMessage.Arguments),
        ["kwargs"] = nameof(IPayloadMessage.ArgumentsKeywords),
        ["session_id"] = nameof(WelcomeMessage.Session),
        ["subscription"] = nameof(EventMessage.Subscription),
        ["subscription_id"] = nameof(SubscribedMessage.Subscription),
        ["publication"] = nameof(EventMessage.Publication),
        ["publication_id"] = nameof(PublishedMessage.Publication),
        ["registration_id"] = nameof(RegisteredMessage.Registration),
    };

    /// <summary>Every attribute the vectors use must be mapped; an unknown one fails the test that meets it.</summary>
    public static object? Read(WampMessage message, string attribute) => attribute switch
    {
        "message_type" => (long)message.Code,

        // autobahn-python lifts HELLO's and WELCOME's Details.roles into an attribute of its own.
        "roles" => Details(message).GetValueOrDefault("roles"),

        // Payload Passthru Mode puts one binary where Arguments go. Our records have no member for it
        // and the codec refuses such messages (see VectorExclusions), so any message we decode has none.
        "payload" => null,

        _ when Properties.TryGetValue(attribute, out var property) => Property(message, property),
        _ => throw new KeyNotFoundException($"expected_attributes.{attribute} has no mapping onto our messages."),
    };

    /// <summary>Checks every expected attribute of a serialization sample against a decoded message.</summary>
    public static void AssertMatches(JsonElement expectedAttributes, WampMessage message)
    {
        foreach (var attribute in expectedAttributes.EnumerateObject())
        {
            var expected = Canonical.Render(attribute.Value);
            var actual = Canonical.Render(Read(message, attribute.Name));
            Assert.True(expected == actual, $"{attribute.Name}: expected {expected}, decoded {actual}");
        }
    }

    private static object? Property(WampMessage message, string name)
    {
        var property = message.GetType().GetProperty(name)
            ?? throw new InvalidOperationException($"{message.GetType().Name} has no {name}.");
        var value = property.GetValue(message);
        return value is Enum code ? Convert.ToInt64(code, CultureInfo.InvariantCulture) : value;
    }

    private static IReadOnlyDictionary<string, object?> Details(WampMessage message) => message switch
    {
        HelloMessage hello => hello.Details,
        WelcomeMessage welcome => welcome.Details,
        _ => throw new InvalidOperationException($"{message.GetType().Name} carries no roles."),
    };
}
