using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Server.Storage;

namespace Rca.Server.Retention;

/// <summary>
/// Deletes old rows from the incident store in batches: resolved incidents (with their root-cause
/// sets) whose window started before <see cref="RetentionOptions.ResolvedIncidents"/>, checks
/// finished before <see cref="RetentionOptions.Checks"/>, and calibration checks (with their
/// fields and segments) whose window started before <see cref="RetentionOptions.CalibrationChecks"/>.
/// </summary>
/// <remarks>
/// Open and acknowledged incidents are never deleted, and neither is the check row of an incident
/// that is still stored. Each batch is deleted in its own transaction, so a stopped run leaves
/// whole incidents and whole calibration checks, and the next run continues.
/// </remarks>
internal sealed class RetentionJob(RcaDbContext db, IOptionsMonitor<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
{
    /// <summary>The recurring job id.</summary>
    public const string RecurringJobId = "retention";

    private const string ResolvedStatus = "resolved";

    /// <summary>The entry point of the recurring job.</summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 600])]
    public async Task RunScheduledAsync(CancellationToken cancellationToken)
    {
        await RunAsync(cancellationToken);
    }

    /// <summary>Deletes the rows older than the configured ages, as of the clock's current time.</summary>
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        var incidentCutoff = now - settings.ResolvedIncidents;
        var checkCutoff = now - settings.Checks;
        var calibrationCutoff = now - settings.CalibrationChecks;

        // Incidents go first, so that the checks of the incidents deleted here can go in the same run.
        var (incidents, sets) = await DeleteResolvedIncidentsAsync(incidentCutoff, settings.BatchSize, cancellationToken);
        var checks = await DeleteChecksAsync(checkCutoff, settings.BatchSize, cancellationToken);
        var calibrationChecks = await DeleteCalibrationChecksAsync(calibrationCutoff, settings.BatchSize, cancellationToken);

        var result = new RetentionResult(checks, incidents, sets, calibrationChecks);
        logger.LogInformation(
            "Retention removed {Checks} checks finished before {CheckCutoff:O}, {Incidents} resolved incidents with {RootCauseSets} root-cause sets from before {IncidentCutoff:O}, and {CalibrationChecks} calibration checks from before {CalibrationCutoff:O}",
            result.Checks, checkCutoff, result.Incidents, result.RootCauseSets, incidentCutoff, result.CalibrationChecks, calibrationCutoff);
        return result;
    }

    private async Task<(int Incidents, int Sets)> DeleteResolvedIncidentsAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        int incidents = 0, sets = 0;
        while (true)
        {
            var ids = await db.Incidents.AsNoTracking()
                .Where(i => i.Status == ResolvedStatus && i.WindowStart < cutoff)
                .OrderBy(i => i.Id)
                .Select(i => i.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return (incidents, sets);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            sets += await db.RootCauseSets.Where(s => ids.Contains(s.IncidentId)).ExecuteDeleteAsync(cancellationToken);

            // The status is tested again because an incident may have been reopened since the ids were read.
            incidents += await db.Incidents.Where(i => ids.Contains(i.Id) && i.Status == ResolvedStatus).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (ids.Count < batchSize)
            {
                return (incidents, sets);
            }
        }
    }

    private async Task<int> DeleteChecksAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var ids = await db.Checks.AsNoTracking()
                .Where(c => c.CheckedAt < cutoff && (c.IncidentId == null || !db.Incidents.Any(i => i.Id == c.IncidentId)))
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return deleted;
            }

            deleted += await db.Checks.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            if (ids.Count < batchSize)
            {
                return deleted;
            }
        }
    }

    private async Task<int> DeleteCalibrationChecksAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var ids = await db.CalibrationChecks.AsNoTracking()
                .Where(c => c.WindowStart < cutoff)
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return deleted;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<Calibration.CalibrationFieldRecord>().Where(f => ids.Contains(f.CheckId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Calibration.CalibrationSegmentRecord>().Where(s => ids.Contains(s.CheckId)).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.CalibrationChecks.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (ids.Count < batchSize)
            {
                return deleted;
            }
        }
    }
}
