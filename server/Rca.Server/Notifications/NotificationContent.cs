namespace Rca.Server.Notifications;

/// <summary>
/// What every notification carries: the outbox message id, the event, the severity, the link to
/// the reported incident or calibration check (null without <c>Api:PublicBaseUrl</c>) and the
/// time of this delivery attempt.
/// </summary>
internal abstract record NotificationContent(
    long DeliveryId,
    string Event,
    string Severity,
    Uri? Link,
    DateTimeOffset SentAt);
