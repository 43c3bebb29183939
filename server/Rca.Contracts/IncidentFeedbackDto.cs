namespace Rca.Contracts;

/// <summary>
/// Feedback on an incident's localization.
/// </summary>
/// <param name="Verdict"><c>correct</c>, <c>partly</c> or <c>wrong</c>.</param>
/// <param name="RootCause">The right root cause as canonical text (<c>a=x&amp;b=y;c=z</c>), or null.</param>
/// <param name="Comment">Free text, or null.</param>
/// <param name="Author">The name of the API key that gave it, or <c>anonymous</c>.</param>
/// <param name="CreatedAt">When it was given (UTC).</param>
public sealed record IncidentFeedbackDto(string Verdict, string? RootCause, string? Comment, string Author, DateTimeOffset CreatedAt);
