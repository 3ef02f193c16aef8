using System.Security.Cryptography;
using NSec.Cryptography;

namespace LiveStack.Wamp.Auth;

/// <summary>
/// WAMP-Cryptosign: the router sends 32 random bytes (hex); the client signs them with its
/// Ed25519 key and answers with hex(signature ‖ challenge). Channel binding is not used.
/// </summary>
public static class Cryptosign
{
    /// <summary>A fresh challenge: 32 random bytes, hex encoded.</summary>
    public static string CreateChallenge() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hex public key of a 32-byte Ed25519 private key seed (given in hex).</summary>
    /// <exception cref="FormatException">The seed is not 32 bytes of hex.</exception>
    public static string PublicKeyOf(string privateKeySeedHex)
    {
        using var key = ImportSeed(privateKeySeedHex);
        return Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The client's answer to a challenge: hex(Ed25519 signature ‖ challenge), as autobahn sends it.</summary>
    /// <exception cref="FormatException">The seed or the challenge is not valid hex.</exception>
    public static string Sign(string privateKeySeedHex, string challengeHex)
    {
        using var key = ImportSeed(privateKeySeedHex);
        var challenge = Convert.FromHexString(challengeHex);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, challenge);
        return Convert.ToHexStringLower([.. signature, .. challenge]);
    }

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

    private static Key ImportSeed(string privateKeySeedHex)
    {
        var seed = Convert.FromHexString(privateKeySeedHex);
        if (seed.Length != 32)
        {
            throw new FormatException("A Cryptosign private key is a 32-byte Ed25519 seed (64 hex characters).");
        }

        return Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
    }
}
