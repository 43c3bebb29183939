namespace Rca.Server.Sources;

/// <summary>
/// Per-leaf, per-window sums of a KPI read from the store.
/// </summary>
/// <param name="Attributes">The attribute tag keys, in the KPI's order.</param>
/// <param name="WindowStarts">The start of each window, ascending and evenly spaced by the KPI's interval.</param>
/// <param name="Leaves">The attribute values of each leaf, in <paramref name="Attributes"/> order; a missing tag is the empty string.</param>
/// <param name="Values">The field sum, indexed [leaf][window].</param>
/// <param name="Denominators">The denominator field sum for a ratio KPI, indexed [leaf][window]; null for a sum.</param>
public sealed record KpiSeries(
    IReadOnlyList<string> Attributes,
    IReadOnlyList<DateTimeOffset> WindowStarts,
    IReadOnlyList<string[]> Leaves,
    double[][] Values,
    double[][]? Denominators);
