using Rca.Server.Kpis;
using Rca.Server.Notifications;
using Rca.Server.Storage;

namespace Rca.Server.Incidents;

/// <summary>
/// Changes an incident's status along the allowed transitions, records the change, and queues
/// the resolved notifications in the same save.
/// </summary>
internal sealed class IncidentTransitions(RcaDbContext db, KpiCatalog catalog, NotificationOutbox outbox, TimeProvider time)
{
    /// <summary>Applies the change and saves; returns an error message when the transition is not allowed.</summary>
    public async Task<string?> ChangeAsync(IncidentRecord incident, string target, string actor, string? comment, CancellationToken cancellationToken)
    {
        var allowed = IncidentStatus.AllowedSources(target);
        if (!allowed.Contains(incident.Status))
        {
            return $"Incident {incident.Id} is {incident.Status}; only an incident that is {string.Join(" or ", allowed)} can become {target}.";
        }

        db.Set<IncidentStatusChangeRecord>().Add(new IncidentStatusChangeRecord
        {
            IncidentId = incident.Id,
            From = incident.Status,
            To = target,
            Actor = actor,
            Comment = comment,
            ChangedAt = time.GetUtcNow().UtcDateTime,
        });
        incident.Status = target;
        if (target == IncidentStatus.Resolved)
        {
            await outbox.AddResolvedAsync(await catalog.FindAsync(incident.KpiName, cancellationToken), incident, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
