using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// Reads the KPI total per window around an incident from the stored checks. Every check stores
/// its window's total actual and forecast, so no source query is needed and the series stays
/// readable after the source has dropped the data.
/// </summary>
internal static class IncidentSeries
{
    public static async Task<IReadOnlyList<TotalSeriesPoint>> ReadAsync(
        RcaDbContext db, IncidentRecord incident, int before, int after, CancellationToken cancellationToken)
    {
        var interval = incident.WindowEnd - incident.WindowStart;
        if (interval <= TimeSpan.Zero)
        {
            return [];
        }

        var first = incident.WindowStart - (interval * before);
        var end = incident.WindowStart + (interval * (after + 1));
        var checks = await db.Checks.AsNoTracking()
            .Where(c => c.KpiName == incident.KpiName && c.WindowStart >= first && c.WindowStart < end)
            .ToDictionaryAsync(c => c.WindowStart, cancellationToken);

        var points = new List<TotalSeriesPoint>(before + after + 1);
        for (var window = first; window < end; window += interval)
        {
            checks.TryGetValue(window, out var check);
            points.Add(new TotalSeriesPoint(ContractMapping.Utc(window), check?.Actual, check?.Forecast, check?.Status));
        }

        return points;
    }
}
