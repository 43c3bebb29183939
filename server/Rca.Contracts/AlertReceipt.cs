namespace Rca.Contracts;

/// <summary>
/// The response to an inbound webhook: every alert of the body with its outcome so far.
/// Localization of firing alerts runs in the background.
/// </summary>
/// <param name="Source"><c>alertmanager</c> or <c>grafana</c>.</param>
/// <param name="GroupKey">The group key of the notification.</param>
/// <param name="Alerts">One entry per alert in the body.</param>
/// <param name="TruncatedAlerts">The number of alerts the sender left out of the body.</param>
public sealed record AlertReceipt(string Source, string GroupKey, IReadOnlyList<AlertOutcomeDto> Alerts, int TruncatedAlerts);
