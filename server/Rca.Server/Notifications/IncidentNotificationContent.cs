using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Notifications;

/// <summary>
/// An incident notification: the incident with its root-cause sets and the KPI (null when it
/// was deleted).
/// </summary>
internal sealed record IncidentNotificationContent(
    long DeliveryId,
    string Event,
    IncidentRecord Incident,
    KpiDefinition? Kpi,
    string Severity,
    Uri? Link,
    DateTimeOffset SentAt) : NotificationContent(DeliveryId, Event, Severity, Link, SentAt);
