using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Kpis;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The incident endpoints: list and fetch stored incidents.
/// </summary>
internal static class IncidentsApi
{
    /// <summary>The windows before and after an incident that its detail's series covers by default.</summary>
    public const int DefaultSeriesBefore = 30;
    public const int DefaultSeriesAfter = 10;
    public const int MaxSeriesWindows = 1440;

    private static readonly string[] SortFields = ["windowStart", "severity", "createdAt"];

    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/incidents").WithTags("Incidents").RequireAuthorization(ApiPolicies.Read);

        group.MapGet("/", ListAsync)
            .WithName("ListIncidents")
            .WithSummary("Lists incidents, filtered by KPI, status, window start and text, with paging and sorting.")
            .WithDescription(
                "`q` matches the KPI name or the root-cause text (case-insensitive for ASCII letters). " +
                "`from` and `to` bound the window start: from ≤ windowStart < to. " +
                "`sort` is windowStart (default), severity (|relative change|) or createdAt; `order` is desc (default) or asc.");

        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetIncident")
            .WithSummary("Returns one incident with its root-cause sets, the KPI total around the window, feedback and status history.")
            .WithDescription(
                "The series comes from the stored checks (total actual and forecast of every checked window), " +
                $"`before` windows before the incident (default {DefaultSeriesBefore}) and `after` windows after it (default {DefaultSeriesAfter}); " +
                "a window that was never checked has null values.");

        return group;
    }

    internal static async Task<Results<Ok<Page<IncidentSummary>>, ProblemHttpResult>> ListAsync(
        RcaDbContext db,
        KpiCatalog catalog,
        Problems problems,
        CancellationToken cancellationToken,
        string? kpi = null,
        string? status = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        string? q = null,
        string? sort = null,
        string? order = null,
        int limit = Paging.DefaultLimit,
        int offset = 0)
    {
        if (Paging.Validate(limit, offset) is { } error)
        {
            return problems.BadRequest("InvalidPaging", error);
        }

        if (status is not null && !Incidents.IncidentStatus.All.Contains(status))
        {
            return problems.BadRequest("InvalidIncidentFilter", $"'status' must be one of {string.Join(", ", Incidents.IncidentStatus.All)}, got '{status}'.");
        }

        if (sort is not null && !SortFields.Contains(sort))
        {
            return problems.BadRequest("InvalidIncidentFilter", $"'sort' must be one of {string.Join(", ", SortFields)}, got '{sort}'.");
        }

        if (order is not null && order is not ("asc" or "desc"))
        {
            return problems.BadRequest("InvalidIncidentFilter", $"'order' must be asc or desc, got '{order}'.");
        }

        if (from is not null && to is not null && from >= to)
        {
            return problems.BadRequest("InvalidIncidentFilter", $"'from' ({from:O}) must be before 'to' ({to:O}).");
        }

        var query = db.Incidents.AsNoTracking();
        if (!string.IsNullOrEmpty(kpi))
        {
            query = query.Where(incident => incident.KpiName == kpi);
        }

        if (status is not null)
        {
            query = query.Where(incident => incident.Status == status);
        }

        if (from is not null)
        {
            var fromUtc = from.Value.UtcDateTime;
            query = query.Where(incident => incident.WindowStart >= fromUtc);
        }

        if (to is not null)
        {
            var toUtc = to.Value.UtcDateTime;
            query = query.Where(incident => incident.WindowStart < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's is case-sensitive, and ILIKE matches SQLite.
            var pattern = "%" + EscapeLike(q.Trim()) + "%";
            query = db.Database.IsNpgsql()
                ? query.Where(incident =>
                    EF.Functions.ILike(incident.KpiName, pattern, "\\") || EF.Functions.ILike(incident.RootCause, pattern, "\\"))
                : query.Where(incident =>
                    EF.Functions.Like(incident.KpiName, pattern, "\\") || EF.Functions.Like(incident.RootCause, pattern, "\\"));
        }

        var ascending = order == "asc";
        var ordered = (sort ?? "windowStart") switch
        {
            "severity" => ascending
                ? query.OrderBy(incident => Math.Abs(incident.RelativeChange))
                : query.OrderByDescending(incident => Math.Abs(incident.RelativeChange)),
            "createdAt" => ascending ? query.OrderBy(incident => incident.CreatedAt) : query.OrderByDescending(incident => incident.CreatedAt),
            _ => ascending ? query.OrderBy(incident => incident.WindowStart) : query.OrderByDescending(incident => incident.WindowStart),
        };
        ordered = ascending ? ordered.ThenBy(incident => incident.Id) : ordered.ThenByDescending(incident => incident.Id);

        var total = await query.CountAsync(cancellationToken);
        var page = await ordered.Skip(offset).Take(limit).ToListAsync(cancellationToken);
        var limits = await MinRelativeChangesAsync(catalog, cancellationToken);
        return TypedResults.Ok(new Page<IncidentSummary>(
            [.. page.Select(incident => incident.ToSummary(limits.GetValueOrDefault(incident.KpiName, DefaultMinRelativeChange)))], total, offset, limit));
    }

    internal static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult>> GetAsync(
        long id,
        RcaDbContext db,
        KpiCatalog catalog,
        Problems problems,
        CancellationToken cancellationToken,
        int before = DefaultSeriesBefore,
        int after = DefaultSeriesAfter)
    {
        if (before is < 0 or > MaxSeriesWindows || after is < 0 or > MaxSeriesWindows)
        {
            return problems.BadRequest("InvalidIncidentFilter", $"'before' and 'after' must be between 0 and {MaxSeriesWindows}, got {before} and {after}.");
        }

        var incident = await db.Incidents.AsNoTracking()
            .Include(i => i.RootCauseSets)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return problems.NotFound("IncidentNotFound", $"No incident has id {id}.");
        }

        var kpi = await catalog.FindAsync(incident.KpiName, cancellationToken);
        var series = await IncidentSeries.ReadAsync(db, incident, before, after, cancellationToken);
        var feedback = await db.Set<IncidentFeedbackRecord>().AsNoTracking().SingleOrDefaultAsync(f => f.IncidentId == id, cancellationToken);
        var history = await db.Set<IncidentStatusChangeRecord>().AsNoTracking()
            .Where(c => c.IncidentId == id)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var hasSnapshot = await db.Set<IncidentLeafSnapshotRecord>().AnyAsync(s => s.IncidentId == id, cancellationToken);
        return TypedResults.Ok(incident.ToDetail(
            kpi?.Detection.MinRelativeChange ?? DefaultMinRelativeChange,
            series,
            feedback?.ToDto(),
            [.. history.Select(change => change.ToDto())],
            hasSnapshot));
    }

    private const double DefaultMinRelativeChange = 0.05;

    private static async Task<Dictionary<string, double>> MinRelativeChangesAsync(KpiCatalog catalog, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var kpi in await catalog.ListAsync(cancellationToken))
        {
            result[kpi.Name] = kpi.Detection.MinRelativeChange;
        }

        return result;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
