using Hangfire;
using Microsoft.EntityFrameworkCore;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Webhooks;

/// <summary>
/// Checks the window of a firing alert (trigger <c>webhook</c>) and records the outcome on the
/// alert. A window that was checked before keeps its result. When the alert was resolved while
/// the check was queued, the new incident is resolved at once.
/// </summary>
internal sealed class AlertLocalizationJob(
    RcaDbContext db,
    KpiCatalog catalog,
    KpiWindowChecker checker,
    AlertIntake intake,
    TimeProvider time,
    ILogger<AlertLocalizationJob> logger)
{
    public const string Trigger = "webhook";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(long alertId, CancellationToken cancellationToken)
    {
        var alert = await db.Set<AlertRecord>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null || alert.Outcome != AlertOutcome.Queued)
        {
            return;
        }

        var kpi = await catalog.FindAsync(alert.KpiName!, cancellationToken);
        var (outcome, reason, incidentId) = kpi is null
            ? (AlertOutcome.Ignored, $"KPI '{alert.KpiName}' was deleted before the window was checked.", null)
            : await CheckAsync(alert, kpi, cancellationToken);

        // The checker clears or detaches tracked entities when it fails or loses a race, so the
        // alert is read again before it is updated.
        var tracked = await db.Set<AlertRecord>().SingleAsync(a => a.Id == alertId, CancellationToken.None);
        tracked.Outcome = outcome;
        tracked.Reason = reason;
        tracked.IncidentId = incidentId;
        tracked.ProcessedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);

        if (incidentId is not null)
        {
            await ResolveIfResolvedMeanwhileAsync(tracked, cancellationToken);
        }
    }

    private async Task<(string Outcome, string? Reason, long? IncidentId)> CheckAsync(AlertRecord alert, KpiDefinition kpi, CancellationToken cancellationToken)
    {
        var window = new DateTimeOffset(alert.WindowStart!.Value, TimeSpan.Zero);
        try
        {
            var outcome = await checker.CheckAsync(kpi, window, Trigger, cancellationToken);
            return outcome.IncidentId is null
                ? (AlertOutcome.Normal, $"The total of KPI '{kpi.Name}' at {window:O} did not deviate from its forecast ({outcome.Status}), so no incident was opened.", null)
                : (AlertOutcome.Opened, null, outcome.IncidentId);
        }
        catch (KpiCheckFailedException error)
        {
            logger.LogWarning(error, "Check for alert {AlertId} of KPI {Kpi} at {WindowStart:O} failed", alert.Id, kpi.Name, window);
            return (AlertOutcome.Failed, error.InnerException?.Message ?? error.Message, null);
        }
    }

    private async Task ResolveIfResolvedMeanwhileAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        var resolvedMeanwhile = await db.Set<AlertRecord>().AnyAsync(
            a => a.Source == alert.Source && a.Fingerprint == alert.Fingerprint && a.StartsAt == alert.StartsAt && a.Status == "resolved",
            cancellationToken);
        if (!resolvedMeanwhile)
        {
            return;
        }

        var resolution = new AlertRecord
        {
            Source = alert.Source,
            Receiver = alert.Receiver,
            GroupKey = alert.GroupKey,
            Fingerprint = alert.Fingerprint,
            Status = "resolved",
            StartsAt = alert.StartsAt,
            LabelsJson = alert.LabelsJson,
            Outcome = AlertOutcome.Ignored,
            KpiName = alert.KpiName,
            WindowStart = alert.WindowStart,
        };
        await intake.ResolveAsync(resolution, alert.Source, cancellationToken);
        logger.LogInformation("Alert {AlertId} was resolved before its check finished; incident {IncidentId}: {Outcome}", alert.Id, alert.IncidentId, resolution.Outcome);
    }
}
