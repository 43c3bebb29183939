namespace Rca.Contracts;

/// <summary>
/// A stored API key, without its secret.
/// </summary>
/// <param name="Id">The key id (the part after <c>rca_</c>).</param>
/// <param name="Name">The name given at creation.</param>
/// <param name="Scopes">The scopes as granted.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="LastUsedAt">When it was last used, to the minute (UTC); null before first use.</param>
public sealed record ApiKeySummary(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
