namespace Rca.Server.Security;

/// <summary>
/// The caller an API key identifies.
/// </summary>
/// <param name="KeyId">The key id, or <c>bootstrap</c> for <c>Api:BootstrapKey</c>.</param>
/// <param name="Name">The key name given at creation.</param>
/// <param name="Scopes">The granted scopes, expanded (admin lists write and read too).</param>
internal sealed record ApiKeyIdentity(string KeyId, string Name, IReadOnlyList<string> Scopes);
