using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The incident endpoints: list and fetch stored incidents.
/// </summary>
internal static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/incidents").WithTags("Incidents");

        group.MapGet("/", ListAsync)
            .WithName("ListIncidents")
            .WithSummary("Lists incidents, newest window first, optionally for one KPI.");

        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetIncident")
            .WithSummary("Returns one incident with its root-cause sets.");

        return group;
    }

    private static async Task<Results<Ok<Page<IncidentSummary>>, ProblemHttpResult>> ListAsync(
        RcaDbContext db,
        Problems problems,
        CancellationToken cancellationToken,
        string? kpi = null,
        int limit = Paging.DefaultLimit,
        int offset = 0)
    {
        if (Paging.Validate(limit, offset) is { } error)
        {
            return problems.BadRequest("InvalidPaging", error);
        }

        var query = db.Incidents.AsNoTracking();
        if (!string.IsNullOrEmpty(kpi))
        {
            query = query.Where(incident => incident.KpiName == kpi);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query
            .OrderByDescending(incident => incident.WindowStart)
            .ThenByDescending(incident => incident.Id)
            .Skip(offset)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<IncidentSummary>([.. page.Select(incident => incident.ToSummary())], total, offset, limit));
    }

    private static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult>> GetAsync(
        long id, RcaDbContext db, Problems problems, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking()
            .Include(i => i.RootCauseSets)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return incident is null
            ? problems.NotFound("IncidentNotFound", $"No incident has id {id}.")
            : TypedResults.Ok(incident.ToDetail());
    }
}
