namespace Rca.Contracts;

/// <summary>
/// One incident with its root-cause sets.
/// </summary>
/// <param name="Summary">The fields shown in lists.</param>
/// <param name="MinGps">The smallest GPS among the root-cause sets; null when there are none.</param>
/// <param name="ExternalThreshold">The minGps threshold below which the cause was judged external.</param>
/// <param name="LeafCount">The number of leaves in the window.</param>
/// <param name="RootCauseSets">The root-cause sets, by descending impact.</param>
public sealed record IncidentDetail(
    IncidentSummary Summary,
    double? MinGps,
    double ExternalThreshold,
    int LeafCount,
    IReadOnlyList<RootCauseSetDto> RootCauseSets);
