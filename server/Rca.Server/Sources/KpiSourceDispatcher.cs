using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// The <see cref="IKpiSource"/> the rest of the server uses: it sends each KPI to the InfluxQL
/// or Flux source named by <see cref="KpiSourceOptions.Kind"/>.
/// </summary>
internal sealed class KpiSourceDispatcher(InfluxQlKpiSource influxQl, FluxKpiSource flux) : IKpiSource
{
    public Task<KpiSeries> QueryAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        SourceOf(kpi).QueryAsync(kpi, from, to, cancellationToken);

    public Task<KpiTotals> QueryTotalsAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        SourceOf(kpi).QueryTotalsAsync(kpi, from, to, cancellationToken);

    private IKpiSource SourceOf(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Source.Kind.ToLowerInvariant() switch
        {
            "influxql" => influxQl,
            "flux" => flux,
            _ => throw new KpiSourceException(kpi.Name, $"KPI '{kpi.Name}' has source kind '{kpi.Source.Kind}'; expected 'influxql' or 'flux'."),
        };
    }
}
