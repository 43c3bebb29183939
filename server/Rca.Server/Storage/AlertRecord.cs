namespace Rca.Server.Storage;

/// <summary>
/// One alert received through an inbound webhook, with what the service did about it.
/// (Source, GroupKey, Fingerprint, Status, StartsAt) is unique, so a re-sent group adds nothing.
/// </summary>
internal sealed class AlertRecord
{
    public long Id { get; set; }

    /// <summary><c>alertmanager</c> or <c>grafana</c>.</summary>
    public required string Source { get; set; }

    public required string Receiver { get; set; }

    public required string GroupKey { get; set; }

    public required string Fingerprint { get; set; }

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public required string Status { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    /// <summary>The alert's labels as a JSON object.</summary>
    public required string LabelsJson { get; set; }

    public string? KpiName { get; set; }

    /// <summary>The KPI window the alert maps to: <see cref="StartsAt"/> aligned down to the KPI interval.</summary>
    public DateTime? WindowStart { get; set; }

    /// <summary>One of <c>AlertOutcome</c>.</summary>
    public required string Outcome { get; set; }

    public string? Reason { get; set; }

    public long? IncidentId { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }
}
