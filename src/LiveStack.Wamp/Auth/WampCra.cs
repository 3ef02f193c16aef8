using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LiveStack.Wamp.Auth;

/// <summary>
/// WAMP-CRA: the router sends a challenge string, the client answers with
/// base64(HMAC-SHA256(key, challenge)), where the key is the secret or, for salted secrets,
/// base64(PBKDF2-HMAC-SHA256(password, salt, iterations, keylen)).
/// </summary>
public static class WampCra
{
    /// <summary>Builds the challenge string: a JSON object with the identity, a nonce, a timestamp and the session id.</summary>
    public static string CreateChallenge(string authId, string authRole, string authProvider, long session, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("authid", authId);
            writer.WriteString("authrole", authRole);
            writer.WriteString("authmethod", "wampcra");
            writer.WriteString("authprovider", authProvider);
            writer.WriteString("nonce", Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
            writer.WriteString("timestamp", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WriteNumber("session", session);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Derives the key of a salted secret, as the client does: the ASCII of the base64 of PBKDF2-HMAC-SHA256.</summary>
    public static string DeriveKey(string secret, string salt, int iterations, int keyLength)
    {
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(salt), iterations, HashAlgorithmName.SHA256, keyLength);
        return Convert.ToBase64String(derived);
    }

    /// <summary>The signature a client must send for <paramref name="challenge"/> with <paramref name="key"/>.</summary>
    public static string Sign(string key, string challenge) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(challenge)));

    /// <summary>Checks a signature in constant time.</summary>
    public static bool Verify(string key, string challenge, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(key, challenge));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
