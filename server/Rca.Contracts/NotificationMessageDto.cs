namespace Rca.Contracts;

/// <summary>
/// One outbound notification and its delivery state. Exactly one of <c>IncidentId</c> and
/// <c>CalibrationCheckId</c> is set.
/// </summary>
/// <param name="Id">The message id, also sent as <c>X-Rca-Delivery</c>.</param>
/// <param name="IncidentId">The reported incident, or null for a calibration message.</param>
/// <param name="CalibrationCheckId">The reported calibration check, or null for an incident message.</param>
/// <param name="Channel">The channel name.</param>
/// <param name="Event"><c>incident.opened</c>, <c>incident.resolved</c> or <c>calibration.drifted</c>.</param>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="NextAttemptAt">When the next attempt is due (UTC); meaningful while pending.</param>
/// <param name="LastStatusCode">The HTTP status of the last attempt, or null when it got no response.</param>
/// <param name="LastError">The error of the last failed attempt, or null.</param>
/// <param name="CreatedAt">When the message was queued (UTC).</param>
/// <param name="DeliveredAt">When it was delivered (UTC), or null.</param>
public sealed record NotificationMessageDto(
    long Id,
    long? IncidentId,
    long? CalibrationCheckId,
    string Channel,
    string Event,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);
