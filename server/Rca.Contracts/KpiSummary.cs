namespace Rca.Contracts;

/// <summary>
/// A KPI definition as the API shows it, with its latest check.
/// </summary>
/// <param name="Name">The KPI name.</param>
/// <param name="Description">A free-text description, if any.</param>
/// <param name="Measurement">The InfluxDB measurement.</param>
/// <param name="Measure"><c>sum</c> or <c>ratio</c>.</param>
/// <param name="Field">The summed field, or the numerator of a ratio.</param>
/// <param name="DenominatorField">The denominator field of a ratio; null for a sum.</param>
/// <param name="Attributes">The attribute tag keys.</param>
/// <param name="IntervalSeconds">The window length in seconds.</param>
/// <param name="Schedule">The cron expression of the scheduled check.</param>
/// <param name="ForecastMethod">The leaf forecast method.</param>
/// <param name="ForecastHistory">The number of history windows or seasons.</param>
/// <param name="Enabled">Whether the scheduled check runs.</param>
/// <param name="LatestCheck">The check of the latest checked window; null before the first check.</param>
public sealed record KpiSummary(
    string Name,
    string? Description,
    string Measurement,
    string Measure,
    string Field,
    string? DenominatorField,
    IReadOnlyList<string> Attributes,
    double IntervalSeconds,
    string Schedule,
    string ForecastMethod,
    int ForecastHistory,
    bool Enabled,
    KpiCheckDto? LatestCheck);
