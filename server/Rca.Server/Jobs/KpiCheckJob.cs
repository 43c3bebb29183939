using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Jobs;

/// <summary>
/// The Hangfire entry points of the KPI check. A failed check is recorded and then raised, so
/// Hangfire retries it after 15 s, 1 min and 5 min.
/// </summary>
internal sealed class KpiCheckJob(
    KpiCatalog catalog,
    KpiWindowChecker checker,
    RcaDbContext db,
    IOptions<CheckOptions> options,
    TimeProvider time,
    ILogger<KpiCheckJob> logger)
{
    /// <summary>The recurring job id of a KPI.</summary>
    public static string RecurringJobId(string kpiName) => "kpi-check:" + kpiName;

    /// <summary>
    /// Checks the latest complete window of the KPI and, oldest first, every earlier window since
    /// the last ok, anomalous or no_data check, at most <see cref="CheckOptions.MaxCatchUpWindows"/>
    /// of them. A no_data window counts as checked, so a KPI without data is not retried at every
    /// run; a replay checks it again.
    /// Windows that become due while it runs are checked before it returns, because
    /// <see cref="SkipWhilePendingAttribute"/> skips the runs scheduled meanwhile.
    /// </summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300])]
    [SkipWhilePending]
    public async Task RunScheduledAsync(string kpiName, CancellationToken cancellationToken)
    {
        var kpi = await catalog.FindAsync(kpiName, cancellationToken);
        if (kpi is null || !kpi.Enabled)
        {
            logger.LogWarning("Scheduled check skipped: KPI {Kpi} is missing or disabled", kpiName);
            return;
        }

        // Each pass checks the windows up to the latest complete one. The run ends when a pass
        // finds no window left, or only the latest window of the pass before.
        DateTimeOffset? lastChecked = null;
        while (true)
        {
            var windows = await PendingWindowsAsync(kpi, cancellationToken);
            if (windows.Count == 0 || windows[^1] == lastChecked)
            {
                return;
            }

            foreach (var window in windows)
            {
                await checker.CheckAsync(kpi, window, CheckTrigger.Schedule, cancellationToken);
            }

            lastChecked = windows[^1];
        }
    }

    /// <summary>Checks one window; the replay queues one of these per window.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300])]
    public async Task RunWindowAsync(string kpiName, DateTimeOffset windowStart, string trigger, CancellationToken cancellationToken)
    {
        var kpi = await catalog.FindAsync(kpiName, cancellationToken)
            ?? throw new InvalidOperationException($"KPI '{kpiName}' is not defined.");
        await checker.CheckAsync(kpi, windowStart, trigger, cancellationToken);
    }

    /// <summary>Returns the windows a scheduled run checks, oldest first.</summary>
    internal async Task<IReadOnlyList<DateTimeOffset>> PendingWindowsAsync(KpiDefinition kpi, CancellationToken cancellationToken)
    {
        var latest = WindowClock.LatestCompleteWindow(time.GetUtcNow(), kpi.Interval, kpi.LabelDelay);
        var maxCatchUp = Math.Max(0, options.Value.MaxCatchUpWindows);
        var latestUtc = latest.UtcDateTime;
        var lastDone = await db.Checks.AsNoTracking()
            .Where(c => c.KpiName == kpi.Name && c.WindowStart <= latestUtc && c.Status != CheckStatus.Failed)
            .OrderByDescending(c => c.WindowStart)
            .Select(c => (DateTime?)c.WindowStart)
            .FirstOrDefaultAsync(cancellationToken);

        var first = latest;
        if (lastDone is { } done)
        {
            var next = new DateTimeOffset(DateTime.SpecifyKind(done, DateTimeKind.Utc)) + kpi.Interval;
            var earliest = latest - (kpi.Interval * maxCatchUp);
            first = next < earliest ? earliest : next;
            if (next < earliest)
            {
                logger.LogWarning(
                    "KPI {Kpi} missed windows from {Next:O}; catching up only from {First:O} (Checks:MaxCatchUpWindows = {Max})",
                    kpi.Name, next, earliest, maxCatchUp);
            }
        }

        var windows = new List<DateTimeOffset>();
        for (var window = first; window <= latest; window += kpi.Interval)
        {
            windows.Add(window);
        }

        return windows;
    }
}
