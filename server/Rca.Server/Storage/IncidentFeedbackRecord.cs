namespace Rca.Server.Storage;

/// <summary>
/// The latest feedback on an incident's localization; one row per incident.
/// </summary>
internal sealed class IncidentFeedbackRecord
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    /// <summary><c>correct</c>, <c>partly</c> or <c>wrong</c>.</summary>
    public required string Verdict { get; set; }

    /// <summary>The right root cause in canonical text (<c>a=x&amp;b=y;c=z</c>), or null.</summary>
    public string? RootCause { get; set; }

    public string? Comment { get; set; }

    /// <summary>The name of the API key that gave the feedback, or <c>anonymous</c>.</summary>
    public required string Author { get; set; }

    public DateTime CreatedAt { get; set; }
}
