namespace Rca.Server.Storage;

/// <summary>
/// One status transition of an incident (acknowledge, resolve, reopen), kept as its history.
/// </summary>
internal sealed class IncidentStatusChangeRecord
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    /// <summary>The API key name, or <c>webhook:&lt;receiver&gt;</c> for a resolved alert.</summary>
    public required string Actor { get; set; }

    public string? Comment { get; set; }

    public DateTime ChangedAt { get; set; }
}
