using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Server.Calibration;
using Rca.Server.Incidents;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Notifications;

/// <summary>
/// Adds outbox messages to the caller's unit of work, so they are saved in the same
/// <c>SaveChanges</c> as the incident change or calibration check they report. A channel
/// receives an incident when the KPI lists it in <c>channels</c> (or lists none), and the
/// channel's filters accept the KPI and the severity. It receives a calibration drift when the
/// model lists it in <c>Channels</c> (or lists none), and its <c>Models</c> filter accepts the model.
/// </summary>
internal sealed class NotificationOutbox(RcaDbContext db, IOptions<NotificationOptions> options, TimeProvider time)
{
    /// <summary>
    /// The severity of every drifted calibration check. A check is drifted only after a watched
    /// metric left its band for <c>ConsecutiveWindows</c> windows in a row, and the overall ratio
    /// can stay close to 1 while one segment is far off, so the ratio's distance to 1 would
    /// understate such a drift.
    /// </summary>
    public const string CalibrationDriftSeverity = IncidentSeverity.High;

    /// <summary>Adds one <c>incident.opened</c> message per receiving channel for a new incident.</summary>
    public int AddOpened(KpiDefinition kpi, IncidentRecord incident) => Add(kpi, incident, NotificationEvents.Opened);

    /// <summary>
    /// Adds one <c>incident.resolved</c> message per receiving channel. A channel that already has
    /// a resolved message for the incident (resolved, reopened, resolved again) gets none.
    /// </summary>
    public async Task<int> AddResolvedAsync(KpiDefinition? kpi, IncidentRecord incident, CancellationToken cancellationToken)
    {
        var sent = await db.Set<OutboxMessageRecord>().AsNoTracking()
            .Where(m => m.IncidentId == incident.Id && m.Event == NotificationEvents.Resolved)
            .Select(m => m.Channel)
            .ToListAsync(cancellationToken);
        return Add(kpi, incident, NotificationEvents.Resolved, sent);
    }

    /// <summary>Returns the channels that receive incidents of the KPI at the severity.</summary>
    public IReadOnlyList<string> ChannelsFor(KpiDefinition? kpi, string kpiName, string severity)
    {
        var result = new List<string>();
        foreach (var (name, channel) in options.Value.Channels)
        {
            var listedByKpi = kpi is null || kpi.Channels.Count == 0 || kpi.Channels.Contains(name);
            var kpiAccepted = channel.Filters.Kpis.Count == 0 || channel.Filters.Kpis.Contains(kpiName);
            var severityAccepted = IncidentSeverity.Rank(severity) >= IncidentSeverity.Rank(channel.Filters.MinSeverity);
            if (listedByKpi && kpiAccepted && severityAccepted)
            {
                result.Add(name);
            }
        }

        return result;
    }

    /// <summary>
    /// Adds one <c>calibration.drifted</c> message per receiving channel for a drifted check.
    /// </summary>
    /// <param name="model">The calibration model name.</param>
    /// <param name="modelChannels">The model's <c>Channels</c>; empty sends to every channel its filters allow.</param>
    /// <param name="check">The check, tracked by this context; its Id may still be 0.</param>
    /// <exception cref="InvalidOperationException">The check is not tracked by this context.</exception>
    public int AddCalibrationDrifted(string model, IReadOnlyList<string> modelChannels, CalibrationCheckRecord check)
    {
        // The message refers to the check through the navigation, so an untracked check would be
        // inserted a second time by the same save.
        if (db.Entry(check).State == EntityState.Detached)
        {
            throw new InvalidOperationException(
                $"The calibration check of model '{model}' for the window starting {check.WindowStart:O} is not tracked by the outbox's database context; add the message in the scope that saves the check.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var channels = CalibrationChannelsFor(model, modelChannels);
        foreach (var channel in channels)
        {
            db.Set<OutboxMessageRecord>().Add(new OutboxMessageRecord
            {
                CalibrationCheck = check,
                Channel = channel,
                Event = NotificationEvents.CalibrationDrifted,
                Status = NotificationEvents.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }

        return channels.Count;
    }

    /// <summary>Returns the channels that receive calibration drifts of the model.</summary>
    public IReadOnlyList<string> CalibrationChannelsFor(string model, IReadOnlyList<string> modelChannels)
    {
        var result = new List<string>();
        foreach (var (name, channel) in options.Value.Channels)
        {
            var listedByModel = modelChannels.Count == 0 || modelChannels.Contains(name);
            var modelAccepted = channel.Filters.Models.Count == 0 || channel.Filters.Models.Contains(model);
            var severityAccepted = IncidentSeverity.Rank(CalibrationDriftSeverity) >= IncidentSeverity.Rank(channel.Filters.MinSeverity);
            if (listedByModel && modelAccepted && severityAccepted)
            {
                result.Add(name);
            }
        }

        return result;
    }

    private int Add(KpiDefinition? kpi, IncidentRecord incident, string eventName, IReadOnlyList<string>? skip = null)
    {
        var severity = IncidentSeverity.Of(incident.RelativeChange, kpi?.Detection.MinRelativeChange ?? 0.05);
        var now = time.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var channel in ChannelsFor(kpi, incident.KpiName, severity))
        {
            if (skip?.Contains(channel) == true)
            {
                continue;
            }

            var message = new OutboxMessageRecord
            {
                Channel = channel,
                Event = eventName,
                Status = NotificationEvents.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            };

            // A new incident has no id yet; the navigation lets EF Core fill the key in the same save.
            if (incident.Id == 0)
            {
                message.Incident = incident;
            }
            else
            {
                message.IncidentId = incident.Id;
            }

            db.Set<OutboxMessageRecord>().Add(message);
            count++;
        }

        return count;
    }
}
