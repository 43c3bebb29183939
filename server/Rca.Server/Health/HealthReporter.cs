using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Health;

/// <summary>
/// Builds the health report from the stored checks: the service is degraded while the latest
/// check of any enabled KPI failed or found no data, and the report lists the latest error per
/// source.
/// </summary>
internal sealed class HealthReporter(KpiCatalog catalog, RcaDbContext db)
{
    public async Task<HealthReport> ReportAsync(CancellationToken cancellationToken)
    {
        var failures = new List<(string Source, string Kpi, CheckRecord Check)>();
        foreach (var kpi in await catalog.ListAsync(cancellationToken))
        {
            if (!kpi.Enabled)
            {
                continue;
            }

            var latest = await db.Checks.AsNoTracking()
                .Where(c => c.KpiName == kpi.Name)
                .OrderByDescending(c => c.CheckedAt)
                .ThenByDescending(c => c.WindowStart)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is { Status: CheckStatus.Failed or CheckStatus.NoData })
            {
                failures.Add((KpiSourceResolver.Describe(kpi), kpi.Name, latest));
            }
        }

        var sources = failures
            .GroupBy(failure => failure.Source, StringComparer.Ordinal)
            .Select(group =>
            {
                var newest = group.MaxBy(failure => failure.Check.CheckedAt);
                return new SourceHealth(
                    group.Key,
                    [.. group.Select(failure => failure.Kpi).Order(StringComparer.Ordinal)],
                    newest.Check.Status == CheckStatus.NoData ? NoDataError(newest.Check) : newest.Check.Error ?? "",
                    new DateTimeOffset(newest.Check.CheckedAt, TimeSpan.Zero));
            })
            .OrderBy(source => source.Source, StringComparer.Ordinal)
            .ToList();

        return new HealthReport(sources.Count == 0 ? "ok" : "degraded", sources);
    }

    private static string NoDataError(CheckRecord check) =>
        $"KPI '{check.KpiName}' has no data in the window at {new DateTimeOffset(check.WindowStart, TimeSpan.Zero):O}; check that its points are still written.";
}
