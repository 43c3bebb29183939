using Rca.Server.Kpis;
using Rca.Server.Sources;

namespace Rca.Server.Metrics;

/// <summary>
/// Wraps a KPI source and records the duration of every query, failed ones included, as
/// <see cref="RcaMetricNames.InfluxQueryDuration"/>.
/// </summary>
internal sealed class TimedKpiSource(IKpiSource inner, RcaMetrics metrics, TimeProvider time) : IKpiSource
{
    public async Task<KpiSeries> QueryAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            return await inner.QueryAsync(kpi, from, to, cancellationToken);
        }
        finally
        {
            metrics.RecordInfluxQuery(kpi.Name, time.GetElapsedTime(started));
        }
    }

    public async Task<KpiTotals> QueryTotalsAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            return await inner.QueryTotalsAsync(kpi, from, to, cancellationToken);
        }
        finally
        {
            metrics.RecordInfluxQuery(kpi.Name, time.GetElapsedTime(started));
        }
    }
}
