using Rca.Server.Calibration;

namespace Rca.Server.Notifications;

/// <summary>
/// A calibration notification: the stored check with its per-field metrics and its segments.
/// </summary>
internal sealed record CalibrationNotificationContent(
    long DeliveryId,
    string Event,
    CalibrationCheckRecord Check,
    string Severity,
    Uri? Link,
    DateTimeOffset SentAt) : NotificationContent(DeliveryId, Event, Severity, Link, SentAt);
