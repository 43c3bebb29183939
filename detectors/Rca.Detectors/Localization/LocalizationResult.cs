namespace Rca.Detectors.Localization;

/// <summary>
/// The result of a localizer for one leaf table.
/// </summary>
/// <param name="RootCauseSets">One set per anomaly cluster that explains part of the change, by descending impact.</param>
/// <param name="ValidLeafCount">Leaves with any non-zero actual or forecast number.</param>
/// <param name="FilteredLeafCount">Valid leaves whose anomaly amount passed the knee filter.</param>
/// <param name="ClusterCount">Abnormal deviation-score clusters searched.</param>
/// <param name="Histogram">The smoothed deviation-score histogram and the clusters found on it.</param>
/// <param name="Timings">Time spent per step.</param>
public sealed record LocalizationResult(
    IReadOnlyList<RootCauseSet> RootCauseSets,
    int ValidLeafCount,
    int FilteredLeafCount,
    int ClusterCount,
    DeviationHistogram Histogram,
    LocalizationTimings Timings)
{
    /// <summary>
    /// The smallest GPS among the root-cause sets, or NaN when there are none: the input of the
    /// external-root-cause decision.
    /// </summary>
    public double MinGps => RootCauseSets.Count == 0 ? double.NaN : RootCauseSets.Min(set => set.Gps);

    /// <summary>
    /// The share of the total's change that the root-cause sets explain together (the sum of
    /// their explanatory power), or NaN when there are none. It can exceed 1 when changes in
    /// opposite directions cancel out in the total.
    /// </summary>
    public double ExplainedShare => RootCauseSets.Count == 0 ? double.NaN : RootCauseSets.Sum(set => set.ExplanatoryPower);

    /// <summary>Returns the sets as text: every combination of every set, joined by <c>;</c>.</summary>
    public string FormatRootCause() =>
        Data.AttributeCombination.FormatSet(RootCauseSets.SelectMany(set => set.Combinations).Distinct().Order());
}

/// <summary>
/// The deviation-score histogram after smoothing, with the clusters found on it.
/// </summary>
/// <param name="BinEdges">The bin edges, one more than <paramref name="Density"/>.</param>
/// <param name="Density">The smoothed, density-normalised weight per bin.</param>
/// <param name="Clusters">The abnormal clusters as score ranges.</param>
public sealed record DeviationHistogram(
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<double> Density,
    IReadOnlyList<DeviationCluster> Clusters)
{
    /// <summary>An empty histogram, for tables with no abnormal leaves.</summary>
    public static DeviationHistogram Empty { get; } = new([], [], []);
}

/// <summary>
/// One abnormal cluster of deviation scores.
/// </summary>
/// <param name="Min">The smallest score in the cluster.</param>
/// <param name="Max">The largest score in the cluster.</param>
/// <param name="MeanDeviation">The weighted mean score.</param>
/// <param name="LeafCount">The number of distinct leaves with a point in the cluster.</param>
public sealed record DeviationCluster(double Min, double Max, double MeanDeviation, int LeafCount);

/// <summary>
/// Time spent per localization step.
/// </summary>
public sealed record LocalizationTimings(
    TimeSpan Filter,
    TimeSpan Clustering,
    TimeSpan Search,
    TimeSpan Total);
