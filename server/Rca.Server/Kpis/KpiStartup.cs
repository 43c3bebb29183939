using Microsoft.Extensions.Options;
using Rca.Server.Jobs;

namespace Rca.Server.Kpis;

/// <summary>
/// Start-up steps for KPIs: seed the definitions into the database and schedule their checks.
/// </summary>
internal sealed class KpiStartup(
    KpiCatalog catalog,
    KpiScheduler scheduler,
    IOptions<KpiSeedOptions> options,
    IHostEnvironment environment,
    ILogger<KpiStartup> logger)
{
    /// <exception cref="InvalidKpiDefinitionException">The seed file is missing, unreadable or contains an invalid definition.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var path = ResolveSeedFile();
        if (path is not null)
        {
            var kpis = await KpiSeedFile.ReadAsync(path, cancellationToken);
            await catalog.UpsertAsync(kpis, cancellationToken);
            logger.LogInformation("Seeded {Count} KPI definitions from {SeedFile}", kpis.Count, path);
        }

        scheduler.Apply(await catalog.ListAsync(cancellationToken));
    }

    private string? ResolveSeedFile()
    {
        var configured = options.Value.SeedFile;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "kpis.json");
            return File.Exists(beside) ? beside : null;
        }

        var path = Path.GetFullPath(configured, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            throw new InvalidKpiDefinitionException([$"KPI seed file '{path}' (Kpis:SeedFile) was not found."]);
        }

        return path;
    }
}
