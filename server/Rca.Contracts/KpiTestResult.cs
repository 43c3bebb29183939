namespace Rca.Contracts;

/// <summary>
/// What a KPI definition reads from its source for one window, without saving anything.
/// </summary>
/// <param name="Kpi">The KPI name.</param>
/// <param name="WindowStart">The window read: the latest complete one (UTC).</param>
/// <param name="WindowEnd">Its end (UTC, exclusive).</param>
/// <param name="LeafCount">Leaves with data in the window.</param>
/// <param name="Total">The KPI total: the field sum, or the ratio of the two sums.</param>
/// <param name="FieldSum">The sum of the field (the numerator of a ratio).</param>
/// <param name="DenominatorSum">The sum of the denominator field; null for a sum KPI.</param>
/// <param name="Attributes">The values found per attribute, in the definition's order.</param>
public sealed record KpiTestResult(
    string Kpi,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int LeafCount,
    double Total,
    double FieldSum,
    double? DenominatorSum,
    IReadOnlyList<KpiAttributeValues> Attributes);
