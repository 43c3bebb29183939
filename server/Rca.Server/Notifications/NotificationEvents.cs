namespace Rca.Server.Notifications;

/// <summary>The events a notification reports, and the outbox statuses.</summary>
internal static class NotificationEvents
{
    public const string Opened = "incident.opened";
    public const string Resolved = "incident.resolved";
    public const string CalibrationDrifted = "calibration.drifted";

    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
