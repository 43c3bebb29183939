using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Server.Api;
using Rca.Server.Storage;

namespace Rca.Server.Security;

/// <summary>
/// Checks a presented API key against the stored keys and <c>Api:BootstrapKey</c>.
/// </summary>
internal sealed class ApiKeyValidator(RcaDbContext db, IOptions<ApiOptions> options, TimeProvider time)
{
    /// <summary>The key id of the identity that <c>Api:BootstrapKey</c> grants.</summary>
    public const string BootstrapKeyId = "bootstrap";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Returns the identity of a valid key, or null.</summary>
    public async Task<ApiKeyIdentity?> ValidateAsync(string key, CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.BootstrapKey;
        if (!string.IsNullOrEmpty(bootstrap)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(bootstrap))))
        {
            return new ApiKeyIdentity(BootstrapKeyId, BootstrapKeyId, ApiScopes.Expand([ApiScopes.Admin]));
        }

        if (!ApiKeySecret.TryParse(key, out var keyId, out var secret))
        {
            return null;
        }

        var record = await db.Set<ApiKeyRecord>().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        if (record is null || !ApiKeySecret.Matches(record.Salt, record.Hash, secret))
        {
            return null;
        }

        // Writing on every request would turn each read into a write; a minute is precise enough.
        var now = time.GetUtcNow().UtcDateTime;
        if (record.LastUsedAt is null || now - record.LastUsedAt.Value > LastUsedResolution)
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiKeyIdentity(record.KeyId, record.Name, ApiScopes.Expand(record.Scopes.Split(',')));
    }
}
