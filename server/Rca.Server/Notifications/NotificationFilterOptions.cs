namespace Rca.Server.Notifications;

/// <summary>
/// The incidents a channel receives: those of the listed KPIs (all when empty) with at least
/// the minimum severity.
/// </summary>
internal sealed class NotificationFilterOptions
{
    public List<string> Kpis { get; set; } = [];

    /// <summary><c>low</c> (default), <c>medium</c> or <c>high</c>.</summary>
    public string MinSeverity { get; set; } = "low";
}
