using Rca.Server.Calibration;

namespace Rca.Server.Storage;

/// <summary>
/// A notification waiting for delivery to one channel. It reports either an incident or a
/// calibration check: exactly one of <see cref="IncidentId"/> and <see cref="CalibrationCheckId"/>
/// is set, which a check constraint enforces. (IncidentId, Channel, Event) is unique, so a channel
/// gets one message per incident when it opens and one when it is resolved, and
/// (CalibrationCheckId, Channel, Event) is unique, so it gets one per drifted calibration check.
/// </summary>
internal sealed class OutboxMessageRecord
{
    public long Id { get; set; }

    /// <summary>The reported incident; null for a calibration message.</summary>
    public long? IncidentId { get; set; }

    /// <summary>Navigation used only to insert the message in the same save as a new incident.</summary>
    public IncidentRecord? Incident { get; set; }

    /// <summary>The reported calibration check; null for an incident message.</summary>
    public long? CalibrationCheckId { get; set; }

    /// <summary>Navigation used only to insert the message in the same save as a new calibration check.</summary>
    public CalibrationCheckRecord? CalibrationCheck { get; set; }

    /// <summary>The channel name under <c>Notifications:Channels</c>.</summary>
    public required string Channel { get; set; }

    /// <summary><c>incident.opened</c>, <c>incident.resolved</c> or <c>calibration.drifted</c>.</summary>
    public required string Event { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c> (no attempts left).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due, UTC.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The lease of the dispatcher run that is sending the message, or null when no run has claimed it.</summary>
    public string? LeaseId { get; set; }

    /// <summary>When the lease ends, UTC; another dispatcher may take the message after it.</summary>
    public DateTime? LeaseUntil { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }
}
