namespace Rca.Contracts;

/// <summary>
/// A request for a new API key.
/// </summary>
/// <param name="Name">A name for people (1 to 200 characters), for example the runbook or team that uses it.</param>
/// <param name="Scopes">The scopes: <c>read</c>, <c>write</c>, <c>admin</c>; a higher scope includes the lower ones.</param>
public sealed record ApiKeyCreateRequest(string? Name, IReadOnlyList<string>? Scopes);
