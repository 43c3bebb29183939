using System.Security.Cryptography;
using System.Text;

namespace Rca.Server.Security;

/// <summary>
/// Creates, parses and hashes API key texts of the form <c>rca_&lt;keyId&gt;_&lt;secret&gt;</c>.
/// </summary>
/// <remarks>
/// The secret is 32 random bytes (256 bits), so a plain SHA-256 with a per-key salt is enough.
/// Such a secret cannot be guessed or brute-forced, which is what slow password hashes protect
/// against, and the salt keeps equal secrets from producing equal hashes. No server-wide secret
/// is needed, so a lost configuration file cannot invalidate every key. The key id lets the
/// server find the one row to compare with.
/// </remarks>
internal static class ApiKeySecret
{
    public const string Prefix = "rca_";

    /// <summary>Creates a new key: its id, its full text (shown once) and the salt and hash to store.</summary>
    public static (string KeyId, string Text, byte[] Salt, byte[] Hash) Create()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        return (keyId, $"{Prefix}{keyId}_{secret}", salt, Hash(salt, secret));
    }

    /// <summary>Splits a key text into id and secret; false when it does not have the key form.</summary>
    public static bool TryParse(string text, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = text.IndexOf('_', Prefix.Length);
        if (separator != Prefix.Length + 12 || separator == text.Length - 1)
        {
            return false;
        }

        keyId = text[Prefix.Length..separator];
        secret = text[(separator + 1)..];
        return true;
    }

    public static byte[] Hash(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    /// <summary>Compares in constant time, so response timing reveals nothing about the stored hash.</summary>
    public static bool Matches(byte[] salt, byte[] hash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), hash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
