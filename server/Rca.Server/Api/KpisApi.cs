using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Kpis;
using Rca.Server.Replay;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The KPI endpoints: definitions with their latest check, check history and replay.
/// </summary>
internal static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/kpis").WithTags("KPIs").RequireAuthorization(ApiPolicies.Read);

        group.MapGet("/", ListAsync)
            .WithName("ListKpis")
            .WithSummary("Lists KPI definitions with the latest check of each.");

        group.MapGet("/{name}/checks", ListChecksAsync)
            .WithName("ListKpiChecks")
            .WithSummary("Lists the checks of one KPI, newest window first, optionally filtered by status and window start.");

        group.MapPost("/{name}/replay", ReplayAsync)
            .WithName("ReplayKpi")
            .WithSummary("Queues a check of every window in [from, to) that has no ok or anomalous check yet.")
            .RequireAuthorization(ApiPolicies.Write);

        return group;
    }

    internal static async Task<Ok<List<KpiSummary>>> ListAsync(KpiCatalog catalog, RcaDbContext db, CancellationToken cancellationToken)
    {
        var result = new List<KpiSummary>();
        foreach (var kpi in await catalog.ListAsync(cancellationToken))
        {
            var latest = await db.Checks.AsNoTracking()
                .Where(check => check.KpiName == kpi.Name)
                .OrderByDescending(check => check.WindowStart)
                .FirstOrDefaultAsync(cancellationToken);
            result.Add(kpi.ToSummary(latest));
        }

        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<Page<KpiCheckDto>>, ProblemHttpResult>> ListChecksAsync(
        string name,
        KpiCatalog catalog,
        RcaDbContext db,
        Problems problems,
        CancellationToken cancellationToken,
        string? status = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int limit = Paging.DefaultLimit,
        int offset = 0)
    {
        if (Paging.Validate(limit, offset) is { } error)
        {
            return problems.BadRequest("InvalidPaging", error);
        }

        if (status is not null && status is not (CheckStatus.Ok or CheckStatus.Anomalous or CheckStatus.NoData or CheckStatus.Failed))
        {
            return problems.BadRequest("InvalidCheckFilter", $"'status' must be ok, anomalous, no_data or failed, got '{status}'.");
        }

        if (await catalog.FindAsync(name, cancellationToken) is null)
        {
            return problems.NotFound("KpiNotFound", $"No KPI is named '{name}'.");
        }

        var query = db.Checks.AsNoTracking().Where(check => check.KpiName == name);
        if (status is not null)
        {
            query = query.Where(check => check.Status == status);
        }

        if (from is not null)
        {
            var fromUtc = from.Value.UtcDateTime;
            query = query.Where(check => check.WindowStart >= fromUtc);
        }

        if (to is not null)
        {
            var toUtc = to.Value.UtcDateTime;
            query = query.Where(check => check.WindowStart < toUtc);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(check => check.WindowStart).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<KpiCheckDto>([.. page.Select(check => check.ToDto())], total, offset, limit));
    }

    private static async Task<Results<Accepted<ReplaySummary>, ProblemHttpResult>> ReplayAsync(
        string name,
        KpiReplayService replay,
        IBackgroundJobClient jobs,
        Problems problems,
        TimeProvider time,
        CancellationToken cancellationToken,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        if (from is null || to is null)
        {
            return problems.BadRequest("InvalidReplayRange", "Both 'from' and 'to' are required, as ISO 8601 timestamps such as 2026-12-04T10:00:00Z.");
        }

        try
        {
            var summary = await replay.EnqueueAsync(jobs, name, from.Value, to.Value, time.GetUtcNow(), cancellationToken);
            return TypedResults.Accepted($"{ApiVersion.RoutePrefix}/kpis/{Uri.EscapeDataString(name)}/checks", summary);
        }
        catch (KeyNotFoundException error)
        {
            return problems.NotFound("KpiNotFound", error.Message);
        }
        catch (ReplayRequestException error)
        {
            return problems.BadRequest("InvalidReplayRange", error.Message);
        }
    }
}
