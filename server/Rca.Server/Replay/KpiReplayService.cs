using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Replay;

/// <summary>
/// Re-checks every window of a KPI in a time range, through the same path as the scheduled check.
/// Windows that already have an ok or anomalous check keep it. The API queues the windows as
/// Hangfire jobs; a console tool can run them in-process with <see cref="RunAsync"/>.
/// </summary>
internal sealed class KpiReplayService(
    KpiCatalog catalog,
    RcaDbContext db,
    IServiceScopeFactory scopes,
    IOptions<CheckOptions> options)
{
    /// <summary>Queues one check job per window not yet checked on <paramref name="jobs"/>.</summary>
    /// <exception cref="KeyNotFoundException">The KPI is not defined.</exception>
    /// <exception cref="ReplayRequestException">The range is empty, reversed, in the future or too long.</exception>
    public async Task<ReplaySummary> EnqueueAsync(
        IBackgroundJobClient jobs, string kpiName, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (kpi, windows, done) = await PlanAsync(kpiName, from, to, now, cancellationToken);
        var alreadyChecked = done.Count;
        foreach (var window in windows)
        {
            jobs.Enqueue<KpiCheckJob>(job => job.RunWindowAsync(kpi.Name, window, CheckTrigger.Replay, CancellationToken.None));
        }

        return Summarize(kpi, from, to, windows.Count + alreadyChecked, alreadyChecked, windows.Count);
    }

    /// <summary>
    /// Checks every window not yet checked, oldest first, in this process; a failed window does
    /// not stop the others. Windows already checked are reported as kept.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The KPI is not defined.</exception>
    /// <exception cref="ReplayRequestException">The range is empty, reversed, in the future or too long.</exception>
    public async Task<ReplayRun> RunAsync(string kpiName, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (kpi, windows, done) = await PlanAsync(kpiName, from, to, now, cancellationToken);
        var results = new List<ReplayWindowResult>(windows.Count + done.Count);
        foreach (var check in done)
        {
            results.Add(new ReplayWindowResult(check.Window, check.Status, Kept: true, check.IncidentId, null, null));
        }

        foreach (var window in windows)
        {
            // A fresh scope per window keeps one failed window's tracked entities out of the next.
            await using var scope = scopes.CreateAsyncScope();
            var checker = scope.ServiceProvider.GetRequiredService<KpiWindowChecker>();
            try
            {
                var outcome = await checker.CheckAsync(kpi, window, CheckTrigger.Replay, cancellationToken);
                results.Add(new ReplayWindowResult(window, outcome.Status, outcome.Kept, outcome.IncidentId, null, null));
            }
            catch (KpiCheckFailedException error)
            {
                results.Add(new ReplayWindowResult(window, CheckStatus.Failed, Kept: false, null, null, error.InnerException?.Message ?? error.Message));
            }
        }

        var incidentIds = results.Where(result => result.IncidentId is not null).Select(result => result.IncidentId!.Value).ToList();
        var rootCauses = await db.Incidents.AsNoTracking()
            .Where(incident => incidentIds.Contains(incident.Id))
            .ToDictionaryAsync(incident => incident.Id, incident => incident.RootCause, cancellationToken);
        var ordered = results
            .Select(result => result.IncidentId is { } id ? result with { RootCause = rootCauses.GetValueOrDefault(id) } : result)
            .OrderBy(result => result.WindowStart)
            .ToList();
        return new ReplayRun(Summarize(kpi, from, to, windows.Count + done.Count, done.Count, windows.Count), ordered);
    }

    private async Task<(KpiDefinition Kpi, List<DateTimeOffset> Windows, List<(DateTimeOffset Window, string Status, long? IncidentId)> Done)> PlanAsync(
        string kpiName, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kpi = await catalog.FindAsync(kpiName, cancellationToken) ?? throw new KeyNotFoundException($"KPI '{kpiName}' is not defined.");
        if (to <= from)
        {
            throw new ReplayRequestException("to", $"'to' ({to:O}) must be later than 'from' ({from:O}).");
        }

        if (to > now)
        {
            throw new ReplayRequestException("to", $"'to' ({to:O}) must not be later than now ({now:O}).");
        }

        var first = WindowClock.AlignDown(from, kpi.Interval);
        var count = (long)Math.Ceiling((to - first) / kpi.Interval);
        var max = options.Value.MaxReplayWindows;
        if (count > max)
        {
            throw new ReplayRequestException("to", $"The range covers {count} windows of {kpi.Interval}; at most {max} (Checks:MaxReplayWindows) are allowed per request.");
        }

        var last = first + (kpi.Interval * (count - 1));
        var firstUtc = first.UtcDateTime;
        var lastUtc = last.UtcDateTime;
        var done = (await db.Checks.AsNoTracking()
                .Where(c => c.KpiName == kpi.Name && c.WindowStart >= firstUtc && c.WindowStart <= lastUtc && (c.Status == CheckStatus.Ok || c.Status == CheckStatus.Anomalous))
                .Select(c => new { c.WindowStart, c.Status, c.IncidentId })
                .ToListAsync(cancellationToken))
            .Select(c => (Window: new DateTimeOffset(DateTime.SpecifyKind(c.WindowStart, DateTimeKind.Utc)), c.Status, c.IncidentId))
            .ToList();
        var doneWindows = done.Select(check => check.Window).ToHashSet();

        var windows = new List<DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            var window = first + (kpi.Interval * i);
            if (!doneWindows.Contains(window))
            {
                windows.Add(window);
            }
        }

        return (kpi, windows, done);
    }

    private static ReplaySummary Summarize(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, int windows, int alreadyChecked, int queued)
    {
        var first = WindowClock.AlignDown(from, kpi.Interval);
        return new ReplaySummary(kpi.Name, first, first + (kpi.Interval * windows), windows, alreadyChecked, queued);
    }
}
