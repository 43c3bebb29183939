namespace Rca.Server.Storage;

/// <summary>
/// A stored API key. Only the SHA-256 hash of the secret part, with a per-key salt, is kept;
/// the key text is shown once, when it is created.
/// </summary>
internal sealed class ApiKeyRecord
{
    public long Id { get; set; }

    /// <summary>The public key id, the part between <c>rca_</c> and the second <c>_</c> of the key text; unique.</summary>
    public required string KeyId { get; set; }

    public required string Name { get; set; }

    /// <summary>The granted scopes joined by <c>,</c>: <c>read</c>, <c>write</c>, <c>admin</c>.</summary>
    public required string Scopes { get; set; }

    /// <summary>16 random bytes, prepended to the secret before hashing.</summary>
    public required byte[] Salt { get; set; }

    /// <summary>SHA-256 of salt followed by the UTF-8 secret.</summary>
    public required byte[] Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
