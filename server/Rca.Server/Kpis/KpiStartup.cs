using Rca.Server.Jobs;

namespace Rca.Server.Kpis;

/// <summary>
/// Start-up steps for KPIs: seed the definitions into the database and schedule their checks.
/// </summary>
internal sealed class KpiStartup(KpiSeeder seeder, KpiCatalog catalog, KpiScheduler scheduler)
{
    /// <exception cref="InvalidKpiDefinitionException">The seed file is missing, unreadable or contains an invalid definition.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await seeder.SeedAsync(cancellationToken);
        scheduler.Apply(await catalog.ListAsync(cancellationToken));
    }
}
