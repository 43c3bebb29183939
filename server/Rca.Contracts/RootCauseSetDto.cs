namespace Rca.Contracts;

/// <summary>
/// A root-cause set: attribute combinations from one cuboid that explain one anomaly cluster.
/// </summary>
/// <param name="Combinations">The combinations as canonical text, <c>a=a1&amp;b=b2</c>.</param>
/// <param name="Cuboid">The attribute names of the cuboid.</param>
/// <param name="Layer">The cuboid layer: the number of attributes each combination fixes.</param>
/// <param name="Gps">The generalized potential score, at most 1.</param>
/// <param name="Impact">The sum of |forecast − actual| over the cluster's leaves.</param>
/// <param name="ExplanatoryPower">The share of the total change that the combinations carry.</param>
/// <param name="Actual">The rolled-up actual value of the combinations' descendants.</param>
/// <param name="Forecast">The rolled-up forecast of the combinations' descendants.</param>
public sealed record RootCauseSetDto(
    IReadOnlyList<string> Combinations,
    IReadOnlyList<string> Cuboid,
    int Layer,
    double Gps,
    double Impact,
    double ExplanatoryPower,
    double Actual,
    double Forecast);
