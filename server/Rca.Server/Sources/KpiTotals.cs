namespace Rca.Server.Sources;

/// <summary>
/// Per-window totals of a KPI: its field (and denominator field) summed over all leaves.
/// </summary>
/// <param name="WindowStarts">The start of each window, ascending and evenly spaced by the KPI's interval.</param>
/// <param name="Numerators">The field sum of each window; 0 for a window without data.</param>
/// <param name="Denominators">The denominator field sum of each window for a ratio KPI; null for a sum.</param>
public sealed record KpiTotals(IReadOnlyList<DateTimeOffset> WindowStarts, double[] Numerators, double[]? Denominators)
{
    /// <summary>Sums the leaves of <paramref name="series"/> per window, in leaf order.</summary>
    public static KpiTotals FromSeries(KpiSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var windows = series.WindowStarts.Count;
        var numerators = new double[windows];
        var denominators = series.Denominators is null ? null : new double[windows];
        for (var leaf = 0; leaf < series.Values.Length; leaf++)
        {
            var values = series.Values[leaf];
            for (var w = 0; w < windows; w++)
            {
                numerators[w] += values[w];
            }

            if (denominators is not null)
            {
                var leafDenominators = series.Denominators![leaf];
                for (var w = 0; w < windows; w++)
                {
                    denominators[w] += leafDenominators[w];
                }
            }
        }

        return new KpiTotals(series.WindowStarts, numerators, denominators);
    }
}
