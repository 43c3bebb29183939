namespace Rca.Contracts;

/// <summary>
/// Feedback on an incident's localization.
/// </summary>
/// <param name="Verdict"><c>correct</c>, <c>partly</c> or <c>wrong</c>.</param>
/// <param name="RootCause">The right root cause, combinations joined by <c>;</c>, each <c>attribute=value</c> pairs joined by <c>&amp;</c>.</param>
/// <param name="Comment">Free text (at most 4000 characters).</param>
public sealed record FeedbackRequest(string? Verdict, string? RootCause, string? Comment);
