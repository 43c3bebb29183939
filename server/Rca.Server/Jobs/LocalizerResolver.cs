using Rca.Detectors.Localization;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Finds the <see cref="IRootCauseLocalizer"/> a KPI names in <see cref="LocalizerOptions.Algorithm"/>,
/// registered as a keyed service under that name (<c>psqueeze</c>, <c>squeeze</c>).
/// </summary>
internal sealed class LocalizerResolver(IServiceProvider services)
{
    /// <exception cref="InvalidOperationException">No localizer is registered under the name.</exception>
    public IRootCauseLocalizer Resolve(KpiDefinition kpi) =>
        services.GetKeyedService<IRootCauseLocalizer>(kpi.Localizer.Algorithm)
        ?? throw new InvalidOperationException($"No root-cause localizer is registered for algorithm '{kpi.Localizer.Algorithm}' of KPI '{kpi.Name}'.");
}
