namespace Rca.Contracts;

/// <summary>
/// One incident in a list: the anomalous window of a KPI and the headline of its localization.
/// </summary>
/// <param name="Id">The incident id.</param>
/// <param name="Kpi">The KPI name.</param>
/// <param name="WindowStart">The start of the anomalous window (UTC).</param>
/// <param name="WindowEnd">The end of the anomalous window (UTC, exclusive).</param>
/// <param name="Actual">The KPI total in the window.</param>
/// <param name="Forecast">The forecast KPI total.</param>
/// <param name="Direction"><c>up</c> when the actual is above the forecast, else <c>down</c>.</param>
/// <param name="RelativeChange">(actual − forecast) / forecast.</param>
/// <param name="Trigger">What ran the check: <c>schedule</c> or <c>replay</c>.</param>
/// <param name="Status">The incident status: <c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</param>
/// <param name="External">Whether the cause probably lies outside the recorded attributes.</param>
/// <param name="RootCause">The combinations of every root-cause set joined by <c>;</c>, or empty.</param>
/// <param name="CreatedAt">When the incident was stored (UTC).</param>
/// <param name="Severity">
/// <c>low</c>, <c>medium</c> or <c>high</c>: high when |relative change| is at least 4 times the
/// KPI's <c>detection.minRelativeChange</c>, medium when at least 2 times.
/// </param>
public sealed record IncidentSummary(
    long Id,
    string Kpi,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    double Actual,
    double Forecast,
    string Direction,
    double RelativeChange,
    string Trigger,
    string Status,
    bool External,
    string RootCause,
    DateTimeOffset CreatedAt,
    string Severity);
