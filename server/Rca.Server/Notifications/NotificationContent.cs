using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Notifications;

/// <summary>
/// What a notification reports: the event, the incident with its root-cause sets, the KPI (null
/// when it was deleted) and the incident link (null without <c>Api:PublicBaseUrl</c>).
/// </summary>
internal sealed record NotificationContent(
    long DeliveryId,
    string Event,
    IncidentRecord Incident,
    KpiDefinition? Kpi,
    string Severity,
    Uri? Link,
    DateTimeOffset SentAt);
