using System.Security.Cryptography;
using NSec.Cryptography;

namespace LiveStack.Router.Auth;

/// <summary>
/// WAMP-Cryptosign: the router sends 32 random bytes (hex); the client signs them with its
/// Ed25519 key and answers with hex(signature ‖ challenge). Channel binding is not used.
/// </summary>
public static class Cryptosign
{
    /// <summary>A fresh challenge: 32 random bytes, hex encoded.</summary>
    public static string CreateChallenge() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="publicKeyHex"/> is a 32-byte Ed25519 public key in hex.</summary>
    public static bool IsPublicKey(string? publicKeyHex) =>
        publicKeyHex is { Length: 64 } && publicKeyHex.All(Uri.IsHexDigit);

    /// <summary>
    /// Verifies the client's answer: 96 bytes in hex, the 64-byte Ed25519 signature of the challenge
    /// followed by the challenge itself (autobahn sends both; a bare 64-byte signature is accepted too).
    /// </summary>
    public static bool Verify(string publicKeyHex, string challengeHex, string signatureHex)
    {
        byte[] key;
        byte[] challenge;
        byte[] answer;
        try
        {
            key = Convert.FromHexString(publicKeyHex);
            challenge = Convert.FromHexString(challengeHex);
            answer = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        if (key.Length != 32 || (answer.Length != 64 && answer.Length != 96))
        {
            return false;
        }

        if (answer.Length == 96 && !CryptographicOperations.FixedTimeEquals(answer.AsSpan(64), challenge))
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out var publicKey))
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(publicKey!, challenge, answer.AsSpan(0, 64));
    }
}
