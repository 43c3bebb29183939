using Rca.Server.Kpis;
using Rca.Server.Sources;

namespace Rca.Server.Jobs;

/// <summary>
/// Finds the <see cref="IKpiSource"/> for a KPI: the one registered under the KPI's source kind
/// (<c>influxql</c>, <c>flux</c>) as a keyed service, else the one registered without a key.
/// </summary>
internal sealed class KpiSourceResolver(IServiceProvider services)
{
    /// <exception cref="InvalidOperationException">No source is registered for the kind.</exception>
    public IKpiSource Resolve(KpiDefinition kpi) =>
        services.GetKeyedService<IKpiSource>(kpi.Source.Kind)
        ?? services.GetService<IKpiSource>()
        ?? throw new InvalidOperationException($"No KPI source is registered for source kind '{kpi.Source.Kind}' of KPI '{kpi.Name}'.");

    /// <summary>Returns the source's health key, <c>kind:connection/database</c>.</summary>
    public static string Describe(KpiDefinition kpi) =>
        $"{kpi.Source.Kind}:{kpi.Source.Connection ?? "default"}/{kpi.Source.Database}";
}
