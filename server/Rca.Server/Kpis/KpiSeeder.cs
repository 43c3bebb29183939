using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Server.Storage;

namespace Rca.Server.Kpis;

/// <summary>
/// Stores the definitions of the KPI seed file (<c>Kpis:SeedFile</c>, else <c>kpis.json</c>
/// beside the application when it exists) in the database.
/// </summary>
internal sealed class KpiSeeder(
    KpiCatalog catalog,
    IOptions<KpiSeedOptions> options,
    IHostEnvironment environment,
    ILogger<KpiSeeder> logger)
{
    /// <exception cref="InvalidKpiDefinitionException">The seed file is missing, unreadable or contains an invalid definition.</exception>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var path = ResolveSeedFile();
        if (path is null)
        {
            return;
        }

        var kpis = await KpiSeedFile.ReadAsync(path, cancellationToken);
        try
        {
            await catalog.UpsertAsync(kpis, cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            // Another server on the same database inserted one of these KPIs first; a second pass updates it.
            logger.LogInformation("Another server seeded KPIs at the same time; seeding again");
            catalog.DiscardChanges();
            await catalog.UpsertAsync(kpis, cancellationToken);
        }

        logger.LogInformation("Seeded {Count} KPI definitions from {SeedFile}", kpis.Count, path);
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
