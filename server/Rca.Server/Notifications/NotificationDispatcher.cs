using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Server.Api;
using Rca.Server.Incidents;
using Rca.Server.Kpis;
using Rca.Server.Metrics;
using Rca.Server.Storage;

namespace Rca.Server.Notifications;

/// <summary>
/// Sends due outbox messages of incidents and calibration checks. Each message is claimed with a conditional update that sets a
/// lease, so two dispatchers (two workers or two servers) never send the same message at once.
/// A lease that runs out, because its dispatcher died, frees the message again. A failed attempt
/// is retried after <c>RetryDelaySeconds · 2^(attempts − 1)</c> until <c>MaxAttempts</c>.
/// </summary>
internal sealed class NotificationDispatcher(
    RcaDbContext db,
    KpiCatalog catalog,
    NotificationSender sender,
    IOptions<NotificationOptions> options,
    IOptions<ApiOptions> api,
    TimeProvider time,
    RcaMetrics metrics,
    ILogger<NotificationDispatcher> logger)
{
    public const int BatchSize = 20;

    /// <summary>Sends the messages due now; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessageRecord>().AsNoTracking()
            .Where(m => m.Status == NotificationEvents.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var id in due)
        {
            if (await DispatchAsync(id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> DispatchAsync(long id, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var leaseId = Guid.NewGuid().ToString("N");
        var leaseUntil = now.AddSeconds(settings.LeaseSeconds);
        var claimed = await db.Set<OutboxMessageRecord>()
            .Where(m => m.Id == id && m.Status == NotificationEvents.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseId, leaseId).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Set<OutboxMessageRecord>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var content = await LoadContentAsync(message, cancellationToken);
        var subject = Subject(message);

        var (statusCode, error) = await sender.SendAsync(message.Channel, content, cancellationToken);
        var attempts = message.Attempts + 1;
        var finished = time.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            await db.Set<OutboxMessageRecord>().Where(m => m.Id == id && m.LeaseId == leaseId).ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Status, NotificationEvents.Delivered)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastStatusCode, statusCode)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.DeliveredAt, finished)
                    .SetProperty(m => m.LeaseId, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null),
                CancellationToken.None);
            metrics.RecordNotificationDelivered(message.Channel);
            logger.LogInformation(
                "Notification {DeliveryId} ({Event} of {Subject}) delivered to channel {Channel} on attempt {Attempt}",
                id, message.Event, subject, message.Channel, attempts);
            return true;
        }

        var failed = attempts >= settings.MaxAttempts;
        var next = finished.AddSeconds(settings.RetryDelaySeconds * Math.Pow(2, attempts - 1));
        await db.Set<OutboxMessageRecord>().Where(m => m.Id == id && m.LeaseId == leaseId).ExecuteUpdateAsync(
            set => set.SetProperty(m => m.Status, failed ? NotificationEvents.Failed : NotificationEvents.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastStatusCode, statusCode)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LeaseId, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null),
            CancellationToken.None);
        metrics.RecordNotificationFailed(message.Channel);
        if (failed)
        {
            logger.LogError(
                "Notification {DeliveryId} ({Event} of {Subject}) to channel {Channel} failed after {Attempts} attempts: {Error}",
                id, message.Event, subject, message.Channel, attempts, error);
        }
        else
        {
            logger.LogWarning(
                "Notification {DeliveryId} to channel {Channel} failed on attempt {Attempt}, retrying at {NextAttempt:O}: {Error}",
                id, message.Channel, attempts, next, error);
        }

        return false;
    }

    private async Task<NotificationContent> LoadContentAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        if (message.IncidentId is { } incidentId)
        {
            var incident = await db.Incidents.AsNoTracking().Include(i => i.RootCauseSets).SingleAsync(i => i.Id == incidentId, cancellationToken);
            var kpi = await catalog.FindAsync(incident.KpiName, cancellationToken);
            return new IncidentNotificationContent(
                message.Id,
                message.Event,
                incident,
                kpi,
                IncidentSeverity.Of(incident.RelativeChange, kpi?.Detection.MinRelativeChange ?? 0.05),
                Link($"incidents/{incident.Id}"),
                sentAt);
        }

        if (message.CalibrationCheckId is { } checkId)
        {
            var check = await db.CalibrationChecks.AsNoTracking()
                .Include(c => c.Fields)
                .Include(c => c.Segments)
                .AsSplitQuery()
                .SingleAsync(c => c.Id == checkId, cancellationToken);
            return new CalibrationNotificationContent(
                message.Id,
                message.Event,
                check,
                NotificationOutbox.CalibrationDriftSeverity,
                Link($"api/v1/calibration/checks/{check.Id}"),
                sentAt);
        }

        // The table's check constraint rejects such a row, so only a hand-edited database gets here.
        throw new InvalidOperationException($"Outbox message {message.Id} reports neither an incident nor a calibration check.");
    }

    private static string Subject(OutboxMessageRecord message) =>
        message.IncidentId is { } incidentId ? $"incident {incidentId}" : $"calibration check {message.CalibrationCheckId}";

    // The path is relative, so it is appended to a base URL that has a path of its own.
    private Uri? Link(string relativePath) =>
        string.IsNullOrEmpty(api.Value.PublicBaseUrl) ? null : new Uri(new Uri(api.Value.PublicBaseUrl.TrimEnd('/') + "/"), relativePath);
}
