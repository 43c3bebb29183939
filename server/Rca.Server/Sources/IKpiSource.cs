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
}
