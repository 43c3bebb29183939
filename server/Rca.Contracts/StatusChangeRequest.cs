namespace Rca.Contracts;

/// <summary>
/// The optional body of acknowledge, resolve and reopen.
/// </summary>
/// <param name="Comment">Free text kept with the change (at most 4000 characters).</param>
public sealed record StatusChangeRequest(string? Comment);
