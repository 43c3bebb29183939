using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Server.Api;
using Rca.Server.Incidents;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Webhooks;

/// <summary>
/// Stores every alert of an inbound notification once and maps it to a KPI (by label) and a
/// window (its start aligned down to the KPI interval). A firing alert queues a check of the
/// window, and a resolved one resolves the window's incident.
/// </summary>
internal sealed class AlertIntake(
    RcaDbContext db,
    KpiCatalog catalog,
    IncidentTransitions transitions,
    IBackgroundJobClient jobs,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<AlertIntake> logger)
{
    public async Task<AlertReceipt> ReceiveAsync(ReceivedNotification notification, CancellationToken cancellationToken)
    {
        if (notification.TruncatedAlerts > 0)
        {
            logger.LogWarning(
                "{Source} notification {GroupKey} left out {Truncated} alerts; only the {Count} sent are processed",
                notification.Source, notification.GroupKey, notification.TruncatedAlerts, notification.Alerts.Count);
        }

        var outcomes = new List<AlertOutcomeDto>();
        foreach (var alert in notification.Alerts)
        {
            outcomes.Add(await ReceiveAsync(notification, alert, cancellationToken));
        }

        return new AlertReceipt(notification.Source, notification.GroupKey, outcomes, notification.TruncatedAlerts);
    }

    private async Task<AlertOutcomeDto> ReceiveAsync(ReceivedNotification notification, ReceivedAlert alert, CancellationToken cancellationToken)
    {
        var startsAt = alert.StartsAt.UtcDateTime;
        var existing = await db.Set<AlertRecord>().AsNoTracking().SingleOrDefaultAsync(
            a => a.Source == notification.Source && a.GroupKey == notification.GroupKey && a.Fingerprint == alert.Fingerprint
                && a.Status == alert.Status && a.StartsAt == startsAt,
            cancellationToken);
        if (existing is not null)
        {
            return new AlertOutcomeDto(alert.Fingerprint, alert.Status, existing.KpiName, Utc(existing.WindowStart), AlertOutcome.Duplicate, $"received before as alert {existing.Id} ({existing.Outcome})", existing.IncidentId);
        }

        var record = new AlertRecord
        {
            Source = notification.Source,
            Receiver = notification.Receiver,
            GroupKey = notification.GroupKey,
            Fingerprint = alert.Fingerprint,
            Status = alert.Status,
            StartsAt = startsAt,
            EndsAt = alert.EndsAt?.UtcDateTime,
            LabelsJson = JsonSerializer.Serialize(alert.Labels),
            Outcome = AlertOutcome.Ignored,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        };

        var label = options.Value.KpiLabel;
        var kpi = alert.Labels.TryGetValue(label, out var kpiName) ? await catalog.FindAsync(kpiName, cancellationToken) : null;
        if (kpiName is null)
        {
            record.Reason = $"The alert has no '{label}' label (Webhooks:KpiLabel), so it names no KPI.";
        }
        else if (kpi is null)
        {
            record.KpiName = kpiName;
            record.Reason = $"No KPI is named '{kpiName}'.";
        }
        else
        {
            record.KpiName = kpi.Name;
            record.WindowStart = WindowClock.AlignDown(alert.StartsAt, kpi.Interval).UtcDateTime;
            if (alert.Status == "firing")
            {
                record.Outcome = AlertOutcome.Queued;
            }
            else
            {
                await ResolveAsync(record, notification.Source, cancellationToken);
            }
        }

        record.ProcessedAt = record.Outcome == AlertOutcome.Queued ? null : time.GetUtcNow().UtcDateTime;
        db.Set<AlertRecord>().Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            db.ChangeTracker.Clear();
            return new AlertOutcomeDto(alert.Fingerprint, alert.Status, record.KpiName, Utc(record.WindowStart), AlertOutcome.Duplicate, "received at the same time by another request", null);
        }

        if (record.Outcome == AlertOutcome.Queued)
        {
            jobs.Enqueue<AlertLocalizationJob>(job => job.RunAsync(record.Id, CancellationToken.None));
        }

        logger.LogInformation(
            "{Source} alert {Fingerprint} ({Status}) for KPI {Kpi} at {WindowStart:O}: {Outcome} {Reason}",
            record.Source, record.Fingerprint, record.Status, record.KpiName, record.WindowStart, record.Outcome, record.Reason);
        return new AlertOutcomeDto(alert.Fingerprint, alert.Status, record.KpiName, Utc(record.WindowStart), record.Outcome, record.Reason, record.IncidentId);
    }

    /// <summary>Resolves the open or acknowledged incident of the alert's window; records why not otherwise.</summary>
    public async Task ResolveAsync(AlertRecord record, string source, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.KpiName == record.KpiName && i.WindowStart == record.WindowStart, cancellationToken);
        if (incident is null)
        {
            record.Outcome = AlertOutcome.Ignored;
            record.Reason = $"No incident exists for KPI '{record.KpiName}' at {Utc(record.WindowStart):O}.";
            return;
        }

        record.IncidentId = incident.Id;
        if (incident.Status == IncidentStatus.Resolved)
        {
            record.Outcome = AlertOutcome.Ignored;
            record.Reason = $"Incident {incident.Id} is already resolved.";
            return;
        }

        await transitions.ChangeAsync(incident, IncidentStatus.Resolved, "webhook:" + source, $"resolved alert {record.Fingerprint}", cancellationToken);
        record.Outcome = AlertOutcome.Resolved;
    }

    private static DateTimeOffset? Utc(DateTime? value) => value is { } time ? ContractMapping.Utc(time) : null;
}
