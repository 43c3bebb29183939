using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Detectors.Calibration;
using Rca.Server.Jobs;
using Rca.Server.Metrics;
using Rca.Server.Storage;

namespace Rca.Server.Calibration;

/// <summary>
/// The Hangfire job of one calibration model: reads its recent windows from InfluxDB, runs the
/// drift detector and stores one check per window.
/// </summary>
/// <remarks>
/// <para>
/// A run stores the windows from the one after the latest stored mature check (at most
/// <see cref="CalibrationModelOptions.MaxCatchUpWindows"/> mature windows back) to the latest
/// complete window, and reads <see cref="CalibrationModelOptions.LookbackWindows"/> windows before
/// them so that bands can be learned. Mature checks are final: a retried or repeated run keeps
/// them and never notifies twice. Windows younger than the label delay are stored as
/// <c>immature</c> rows that each run rewrites until they mature. They never alert.
/// </para>
/// <para>
/// An InfluxDB failure is logged and raised, and Hangfire retries after 15 s, 1 min and 5 min.
/// Nothing is stored by a failed run.
/// </para>
/// </remarks>
internal sealed class CalibrationCheckJob(
    IOptionsMonitor<CalibrationOptions> options,
    CalibrationSource source,
    RcaDbContext db,
    ICalibrationNotifier notifier,
    RcaMetrics metrics,
    TimeProvider time,
    ILogger<CalibrationCheckJob> logger)
{
    /// <summary>The recurring job id of a model.</summary>
    public static string RecurringJobId(string modelName) => "calibration-check:" + modelName;

    /// <summary>Checks the model's pending windows; the entry point of the recurring job.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300])]
    public async Task RunScheduledAsync(string modelName, CancellationToken cancellationToken)
    {
        await RunAsync(modelName, cancellationToken);
    }

    /// <summary>Checks the model's pending windows as of the clock's current time.</summary>
    /// <exception cref="CalibrationSourceException">InfluxDB failed; nothing was stored.</exception>
    public async Task<CalibrationRunSummary> RunAsync(string modelName, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Models.TryGetValue(modelName, out var model) || !model.Enabled)
        {
            logger.LogWarning("Calibration check skipped: model {Model} is not configured or not enabled", modelName);
            return new CalibrationRunSummary(0, 0, 0, 0);
        }

        var now = time.GetUtcNow();
        var length = model.WindowLength;
        var detectorOptions = model.Drift.ToDetectorOptions(model.LabelDelayTime);
        var latest = WindowClock.AlignDown(now, length) - length;
        var latestMature = WindowClock.LatestCompleteWindow(now, length, detectorOptions.LabelDelay);
        var first = await FirstPendingWindowAsync(modelName, model, latestMature, cancellationToken);
        if (first > latest)
        {
            return new CalibrationRunSummary(0, 0, 0, 0);
        }

        var from = first - (length * model.LookbackWindows);
        IReadOnlyList<CalibrationWindow> windows;
        try
        {
            windows = await source.ReadAsync(modelName, model, from, latest + length, cancellationToken);
        }
        catch (CalibrationSourceException error)
        {
            logger.LogError(error, "Calibration check of model {Model} failed; Hangfire retries it", modelName);
            throw;
        }

        var checks = new CalibrationDriftDetector(detectorOptions).Evaluate(windows, now, cancellationToken);
        var summary = await StoreAsync(modelName, model, checks, first, now, cancellationToken);
        logger.LogInformation(
            "Calibration check of model {Model}: {Windows} windows read from {From:O}, {Inserted} stored, {Updated} updated, {Kept} kept, {Drifted} drifted",
            modelName, windows.Count, from, summary.Inserted, summary.Updated, summary.Kept, summary.Drifted);
        return summary;
    }

    private async Task<DateTimeOffset> FirstPendingWindowAsync(
        string modelName, CalibrationModelOptions model, DateTimeOffset latestMature, CancellationToken cancellationToken)
    {
        var length = model.WindowLength;
        var earliest = latestMature - (length * (model.MaxCatchUpWindows - 1));
        var lastStored = await db.CalibrationChecks.AsNoTracking()
            .Where(c => c.ModelName == modelName && c.Mature)
            .OrderByDescending(c => c.WindowStart)
            .Select(c => (DateTime?)c.WindowStart)
            .FirstOrDefaultAsync(cancellationToken);
        if (lastStored is not { } stored)
        {
            return earliest;
        }

        var next = new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)) + length;
        if (next < earliest)
        {
            logger.LogWarning(
                "Calibration model {Model} missed windows from {Next:O}; catching up only from {First:O} (MaxCatchUpWindows = {Max})",
                modelName, next, earliest, model.MaxCatchUpWindows);
            return earliest;
        }

        return next;
    }

    private async Task<CalibrationRunSummary> StoreAsync(
        string modelName,
        CalibrationModelOptions model,
        IReadOnlyList<CalibrationCheck> checks,
        DateTimeOffset first,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var firstUtc = first.UtcDateTime;
        var existing = await db.CalibrationChecks
            .Include(c => c.Fields)
            .Include(c => c.Segments)
            .Where(c => c.ModelName == modelName && c.WindowStart >= firstUtc)
            .ToDictionaryAsync(c => c.WindowStart, cancellationToken);

        int inserted = 0, updated = 0, kept = 0, drifted = 0;
        var storedVerdicts = new List<string>();
        foreach (var check in checks)
        {
            if (check.Window.Start < first)
            {
                continue;
            }

            var mature = check.Verdict.State != CalibrationState.Immature && now >= check.Window.End + model.LabelDelayTime;
            var start = check.Window.Start.UtcDateTime;
            if (existing.TryGetValue(start, out var record))
            {
                if (record.Mature)
                {
                    kept++;
                    continue;
                }

                updated++;
            }
            else
            {
                record = new CalibrationCheckRecord { ModelName = modelName, WindowStart = start, State = "", ReliabilityJson = "[]", SegmentSummary = "" };
                db.CalibrationChecks.Add(record);
                inserted++;
            }

            CalibrationRecordMapper.Fill(record, check, mature, now);
            storedVerdicts.Add(record.State);
            if (mature && check.Verdict.State == CalibrationState.Drifted)
            {
                drifted++;
                await notifier.NotifyDriftedAsync(new CalibrationDriftNotice(modelName, model.Channels, record), cancellationToken);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            // Another run of the same model stored these windows first; its rows stand.
            logger.LogWarning("Calibration check of model {Model} found its windows stored by a concurrent run; keeping those", modelName);
            db.ChangeTracker.Clear();
            return new CalibrationRunSummary(0, 0, inserted + updated + kept, 0);
        }

        foreach (var verdict in storedVerdicts)
        {
            metrics.RecordCalibrationCheck(modelName, verdict);
        }

        return new CalibrationRunSummary(inserted, updated, kept, drifted);
    }
}
