namespace Rca.Contracts;

/// <summary>
/// One incident with its root-cause sets.
/// </summary>
/// <param name="Summary">The fields shown in lists.</param>
/// <param name="MinGps">The smallest GPS among the root-cause sets; null when there are none.</param>
/// <param name="ExternalThreshold">The minGps threshold below which the cause was judged external.</param>
/// <param name="LeafCount">The number of leaves in the window.</param>
/// <param name="RootCauseSets">The root-cause sets, by descending impact.</param>
/// <param name="Series">The KPI total per window around the incident, from the stored checks, oldest first.</param>
/// <param name="Feedback">The latest feedback on the localization; null when none was given.</param>
/// <param name="History">The status changes, oldest first.</param>
/// <param name="DrilldownAvailable">Whether the window's leaf table was stored, so drill-down works.</param>
public sealed record IncidentDetail(
    IncidentSummary Summary,
    double? MinGps,
    double ExternalThreshold,
    int LeafCount,
    IReadOnlyList<RootCauseSetDto> RootCauseSets,
    IReadOnlyList<TotalSeriesPoint> Series,
    IncidentFeedbackDto? Feedback,
    IReadOnlyList<IncidentStatusChangeDto> History,
    bool DrilldownAvailable);
