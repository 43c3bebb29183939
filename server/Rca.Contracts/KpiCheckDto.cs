namespace Rca.Contracts;

/// <summary>
/// The record of one check of one KPI window.
/// </summary>
/// <param name="Kpi">The KPI name.</param>
/// <param name="WindowStart">The start of the checked window (UTC).</param>
/// <param name="Status"><c>ok</c>, <c>anomalous</c>, <c>no_data</c> (the window had no data) or <c>failed</c>.</param>
/// <param name="Trigger">What ran the check: <c>schedule</c> or <c>replay</c>.</param>
/// <param name="Error">The error of a failed check; null otherwise.</param>
/// <param name="Attempts">How many times the window was checked.</param>
/// <param name="LeafCount">The number of leaves read.</param>
/// <param name="Actual">The KPI total; null when the check failed before it was known.</param>
/// <param name="Forecast">The forecast KPI total; null when the check failed before it was known.</param>
/// <param name="IncidentId">The incident opened for this window, if any.</param>
/// <param name="Durations">Time spent per step, in milliseconds.</param>
/// <param name="CheckedAt">When the check finished (UTC).</param>
/// <param name="Server">The name of the server that ran the check; null for checks stored before servers were recorded.</param>
public sealed record KpiCheckDto(
    string Kpi,
    DateTimeOffset WindowStart,
    string Status,
    string Trigger,
    string? Error,
    int Attempts,
    int LeafCount,
    double? Actual,
    double? Forecast,
    long? IncidentId,
    CheckDurations Durations,
    DateTimeOffset CheckedAt,
    string? Server = null);
