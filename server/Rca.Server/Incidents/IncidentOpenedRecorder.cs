using Microsoft.Extensions.Options;
using Rca.Detectors.Data;
using Rca.Server.Api;
using Rca.Server.Kpis;
using Rca.Server.Notifications;
using Rca.Server.Storage;

namespace Rca.Server.Incidents;

/// <summary>
/// Adds the rows that belong to a new incident to the check's unit of work, so they are saved
/// in the same transaction: the leaf snapshot for drill-down (when the window has at most
/// <see cref="ApiOptions.MaxSnapshotLeaves"/> leaves) and one outbox message per notification channel.
/// </summary>
internal sealed class IncidentOpenedRecorder(
    RcaDbContext db,
    NotificationOutbox outbox,
    IOptions<ApiOptions> options,
    ILogger<IncidentOpenedRecorder> logger)
{
    public void Record(KpiDefinition kpi, IncidentRecord incident, LeafTable table)
    {
        if (table.LeafCount <= options.Value.MaxSnapshotLeaves)
        {
            db.Set<IncidentLeafSnapshotRecord>().Add(new IncidentLeafSnapshotRecord
            {
                Incident = incident,
                LeafCount = table.LeafCount,
                Data = LeafTableSnapshot.From(table).Compress(),
            });
        }
        else
        {
            logger.LogInformation(
                "No leaf snapshot kept for the incident of KPI {Kpi} at {WindowStart:O}: {LeafCount} leaves, more than Api:MaxSnapshotLeaves = {Max}",
                kpi.Name, incident.WindowStart, table.LeafCount, options.Value.MaxSnapshotLeaves);
        }

        outbox.AddOpened(kpi, incident);
    }
}
