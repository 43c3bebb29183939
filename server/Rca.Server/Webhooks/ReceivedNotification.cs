namespace Rca.Server.Webhooks;

/// <summary>
/// An inbound webhook body from Alertmanager (version 4) or Grafana (version 1).
/// </summary>
internal sealed record ReceivedNotification(
    string Source,
    string Receiver,
    string Status,
    string GroupKey,
    int TruncatedAlerts,
    IReadOnlyList<ReceivedAlert> Alerts);
