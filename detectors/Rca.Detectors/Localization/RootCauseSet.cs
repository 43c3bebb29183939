using Rca.Detectors.Data;

namespace Rca.Detectors.Localization;

/// <summary>
/// A root-cause set: the attribute combinations from one cuboid that explain one anomaly
/// cluster, with the scores the localizer chose them by.
/// </summary>
/// <param name="Combinations">The combinations, in descending order of descent score.</param>
/// <param name="Cuboid">The attribute names of the cuboid, sorted ordinally.</param>
/// <param name="Gps">The generalized potential score, at most 1; higher explains more of the change.</param>
/// <param name="Rank">The ranking score <c>GPS·C − k·L²</c> used to choose among cuboids.</param>
/// <param name="ClusterMeanDeviation">The mean deviation score of the cluster's points, in [−1, 1].</param>
/// <param name="ExplanatoryPower">The share of the total <c>forecast − actual</c> that the combinations' descendants carry.</param>
/// <param name="Impact">The sum of <c>|forecast − actual|</c> over the cluster's leaves, on the measure's scale.</param>
/// <param name="Actual">The rolled-up actual value of the combinations' descendants.</param>
/// <param name="Forecast">The rolled-up forecast of the combinations' descendants.</param>
/// <param name="ClusterLeafCount">The number of leaves in the cluster.</param>
public sealed record RootCauseSet(
    IReadOnlyList<AttributeCombination> Combinations,
    IReadOnlyList<string> Cuboid,
    double Gps,
    double Rank,
    double ClusterMeanDeviation,
    double ExplanatoryPower,
    double Impact,
    double Actual,
    double Forecast,
    int ClusterLeafCount)
{
    /// <summary>The cuboid layer: the number of attributes each combination fixes.</summary>
    public int Layer => Cuboid.Count;

    /// <summary>Returns the set as text, combinations joined by <c>;</c> in canonical order.</summary>
    public override string ToString() => AttributeCombination.FormatSet(Combinations.Order());
}
