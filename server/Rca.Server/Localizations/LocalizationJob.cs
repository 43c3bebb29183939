using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Rca.Server.Api;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Localizations;

/// <summary>
/// The Hangfire job of a background localization: an upload above the synchronous limit, or a
/// KPI window read from its source. The outcome is stored on the localization row.
/// </summary>
internal sealed class LocalizationJob(
    RcaDbContext db,
    KpiCatalog catalog,
    WindowTableReader windows,
    AdHocLocalizer localizer,
    TimeProvider time,
    ILogger<LocalizationJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(long id, string algorithm, CancellationToken cancellationToken)
    {
        var record = await db.Set<LocalizationRecord>().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (record is null || record.Status is LocalizationStatus.Succeeded or LocalizationStatus.Failed)
        {
            return;
        }

        record.Status = LocalizationStatus.Running;
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            Rca.Detectors.Data.LeafTable table;
            if (record.Input is not null)
            {
                table = LeafTableSnapshot.Decompress(record.Input).ToTable();
            }
            else
            {
                var kpi = await catalog.FindAsync(record.KpiName!, cancellationToken)
                    ?? throw new InvalidOperationException($"KPI '{record.KpiName}' was deleted before its window could be read.");
                table = await windows.ReadAsync(kpi, new DateTimeOffset(record.WindowStart!.Value, TimeSpan.Zero), cancellationToken);
            }

            var result = localizer.Localize(table, algorithm, cancellationToken);
            record.LeafCount = table.LeafCount;
            record.ResultJson = JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
            record.Status = LocalizationStatus.Succeeded;
            logger.LogInformation("Localization {LocalizationId} finished: {LeafCount} leaves, {SetCount} root-cause sets in {Milliseconds} ms", id, table.LeafCount, result.RootCauseSets.Count, result.Milliseconds);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Localization {LocalizationId} failed", id);
            record.Status = LocalizationStatus.Failed;
            record.Error = error.Message;
        }

        record.Input = null;
        record.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
