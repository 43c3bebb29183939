namespace Rca.Contracts;

/// <summary>
/// One cell of a drill-down: the leaves that share the cell's attribute values, rolled up.
/// </summary>
/// <param name="Values">The attribute values of the cell, in the order of <see cref="DrilldownResult.Attributes"/>.</param>
/// <param name="LeafCount">The number of leaves in the cell.</param>
/// <param name="Actual">The rolled-up actual value (a ratio of sums for a ratio KPI).</param>
/// <param name="Forecast">The rolled-up forecast.</param>
/// <param name="DeviationScore">(forecast − actual) / (forecast + actual), in [−1, 1]; positive when the actual is below the forecast.</param>
public sealed record DrilldownCell(IReadOnlyList<string> Values, int LeafCount, double Actual, double Forecast, double DeviationScore);
