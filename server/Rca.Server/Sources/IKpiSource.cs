using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Reads a KPI's per-window sums, grouped by its attribute tags, from a time-series store.
/// </summary>
public interface IKpiSource
{
    /// <summary>
    /// Returns the sums of the KPI's field (and denominator field for a ratio) per leaf and per
    /// window of length <see cref="KpiDefinition.Interval"/>, for windows starting in
    /// [<paramref name="from"/>, <paramref name="to"/>). Windows without data hold 0.
    /// </summary>
    Task<KpiSeries> QueryAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the KPI's totals over all leaves per window of length
    /// <see cref="KpiDefinition.Interval"/>, for windows starting in [<paramref name="from"/>,
    /// <paramref name="to"/>). Windows without data hold 0. The default sums the leaves of
    /// <see cref="QueryAsync"/>; a source that can sum in the store overrides it, because a
    /// query grouped by time only is far cheaper than one grouped by every attribute.
    /// </summary>
    async Task<KpiTotals> QueryTotalsAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        KpiTotals.FromSeries(await QueryAsync(kpi, from, to, cancellationToken).ConfigureAwait(false));
}
