namespace Rca.Contracts;

/// <summary>
/// The values of one attribute tag that a KPI's query found in a window.
/// </summary>
/// <param name="Attribute">The tag key.</param>
/// <param name="DistinctValues">The number of distinct values among leaves with data.</param>
/// <param name="Examples">Up to five of those values, in ordinal order.</param>
public sealed record KpiAttributeValues(string Attribute, int DistinctValues, IReadOnlyList<string> Examples);
