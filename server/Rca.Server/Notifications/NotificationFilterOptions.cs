namespace Rca.Server.Notifications;

/// <summary>
/// The messages a channel receives: incidents of the listed KPIs and calibration drifts of the
/// listed models (each all when empty), with at least the minimum severity.
/// </summary>
internal sealed class NotificationFilterOptions
{
    /// <summary>The KPIs whose incidents the channel receives; all when empty. Calibration messages ignore it.</summary>
    public List<string> Kpis { get; set; } = [];

    /// <summary>
    /// The calibration models (names under <c>Calibration:Models</c>) whose drifts the channel
    /// receives; all when empty. Incident messages ignore it.
    /// </summary>
    public List<string> Models { get; set; } = [];

    /// <summary>
    /// <c>low</c> (default), <c>medium</c> or <c>high</c>. A drifted calibration check is
    /// always <c>high</c>, so this setting never filters one out.
    /// </summary>
    public string MinSeverity { get; set; } = "low";
}
