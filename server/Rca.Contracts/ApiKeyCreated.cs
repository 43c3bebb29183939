namespace Rca.Contracts;

/// <summary>
/// A new API key with its full text. The text is shown only in this response; the server keeps a hash.
/// </summary>
/// <param name="Key">The key text to send in <c>X-Api-Key</c>.</param>
/// <param name="Summary">The stored key.</param>
public sealed record ApiKeyCreated(string Key, ApiKeySummary Summary);
