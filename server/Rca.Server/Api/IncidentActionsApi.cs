using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Detectors.Data;
using Rca.Server.Incidents;
using Rca.Server.Kpis;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The incident endpoints that act on one incident: status changes, feedback and drill-down.
/// </summary>
internal static class IncidentActionsApi
{
    public const int DefaultDrilldownLimit = 200;
    public const int MaxDrilldownLimit = 5000;
    private const int MaxTextLength = 4000;

    private static readonly string[] Verdicts = ["correct", "partly", "wrong"];

    public static RouteGroupBuilder MapIncidentActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/incidents").WithTags("Incidents");

        group.MapPost("/{id:long}/acknowledge", (long id, StatusChangeRequest? body, IncidentTransitions transitions, RcaDbContext db, KpiCatalog catalog, Problems problems, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                ChangeStatusAsync(id, IncidentStatus.Acknowledged, body, transitions, db, catalog, problems, user, cancellationToken))
            .WithName("AcknowledgeIncident")
            .WithSummary("Acknowledges an open incident; 409 when it is not open.")
            .RequireAuthorization(ApiPolicies.Write);

        group.MapPost("/{id:long}/resolve", (long id, StatusChangeRequest? body, IncidentTransitions transitions, RcaDbContext db, KpiCatalog catalog, Problems problems, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                ChangeStatusAsync(id, IncidentStatus.Resolved, body, transitions, db, catalog, problems, user, cancellationToken))
            .WithName("ResolveIncident")
            .WithSummary("Resolves an open or acknowledged incident and queues the resolved notifications; 409 when it is already resolved.")
            .RequireAuthorization(ApiPolicies.Write);

        group.MapPost("/{id:long}/reopen", (long id, StatusChangeRequest? body, IncidentTransitions transitions, RcaDbContext db, KpiCatalog catalog, Problems problems, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                ChangeStatusAsync(id, IncidentStatus.Open, body, transitions, db, catalog, problems, user, cancellationToken))
            .WithName("ReopenIncident")
            .WithSummary("Reopens a resolved incident; 409 when it is not resolved.")
            .RequireAuthorization(ApiPolicies.Write);

        group.MapPut("/{id:long}/feedback", PutFeedbackAsync)
            .WithName("PutIncidentFeedback")
            .WithSummary("Stores feedback on the localization (correct, partly or wrong, with the right root cause); replaces earlier feedback.")
            .WithMetadata(new RequestExample("""{"verdict":"partly","rootCause":"region=eu&isp=b;region=us","comment":"us was hit too"}"""))
            .RequireAuthorization(ApiPolicies.Write);

        group.MapGet("/{id:long}/drilldown", DrilldownAsync)
            .WithName("DrilldownIncident")
            .WithSummary("Returns leaf-level actual, forecast and deviation score of the window, grouped by attributes or under one combination.")
            .WithDescription(
                "Either `attributes=a,b` (one cell per value pair of a and b) or `combination=a=x&b=y`, URL-encoded " +
                "(every leaf under the combination); both together group the leaves under the combination. " +
                "Reads the leaf table stored when the incident opened.")
            .RequireAuthorization(ApiPolicies.Read);

        return group;
    }

    internal static async Task<Results<Ok<IncidentSummary>, ProblemHttpResult>> ChangeStatusAsync(
        long id,
        string target,
        StatusChangeRequest? body,
        IncidentTransitions transitions,
        RcaDbContext db,
        KpiCatalog catalog,
        Problems problems,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body?.Comment is { Length: > MaxTextLength })
        {
            return problems.BadRequest("InvalidRequest", $"'comment' must be at most {MaxTextLength} characters, got {body.Comment.Length}.");
        }

        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return problems.NotFound("IncidentNotFound", $"No incident has id {id}.");
        }

        try
        {
            var error = await transitions.ChangeAsync(incident, target, ActorOf(user), body?.Comment, cancellationToken);
            if (error is not null)
            {
                return problems.Conflict("InvalidIncidentTransition", error);
            }
        }
        catch (DbUpdateException saveError) when (UniqueViolation.Is(saveError))
        {
            return problems.Conflict("InvalidIncidentTransition", $"Incident {id} was changed by another request at the same time; fetch it and try again.");
        }

        var kpi = await catalog.FindAsync(incident.KpiName, cancellationToken);
        return TypedResults.Ok(incident.ToSummary(kpi?.Detection.MinRelativeChange ?? 0.05));
    }

    internal static async Task<Results<Ok<IncidentFeedbackDto>, ProblemHttpResult, ValidationProblem>> PutFeedbackAsync(
        long id,
        FeedbackRequest body,
        RcaDbContext db,
        KpiCatalog catalog,
        Problems problems,
        TimeProvider time,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Verdict is null || !Verdicts.Contains(body.Verdict))
        {
            errors["verdict"] = [$"must be one of {string.Join(", ", Verdicts)}, got '{body.Verdict}'."];
        }

        if (body.Comment is { Length: > MaxTextLength })
        {
            errors["comment"] = [$"must be at most {MaxTextLength} characters, got {body.Comment.Length}."];
        }

        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return problems.NotFound("IncidentNotFound", $"No incident has id {id}.");
        }

        string? rootCause = null;
        if (!string.IsNullOrWhiteSpace(body.RootCause))
        {
            if (body.RootCause.Length > MaxTextLength)
            {
                errors["rootCause"] = [$"must be at most {MaxTextLength} characters, got {body.RootCause.Length}."];
            }
            else
            {
                try
                {
                    var combinations = AttributeCombination.ParseSet(body.RootCause);
                    var kpi = await catalog.FindAsync(incident.KpiName, cancellationToken);
                    var unknown = kpi is null
                        ? []
                        : combinations.SelectMany(c => c.Pairs).Select(p => p.Key).Where(a => !kpi.Attributes.Contains(a)).Distinct().ToList();
                    if (unknown.Count > 0)
                    {
                        errors["rootCause"] = [$"names attributes {string.Join(", ", unknown)} that KPI '{incident.KpiName}' does not have; its attributes are {string.Join(", ", kpi!.Attributes)}."];
                    }

                    rootCause = AttributeCombination.FormatSet(combinations);
                }
                catch (FormatException error)
                {
                    errors["rootCause"] = [error.Message];
                }
            }
        }

        if (errors.Count > 0)
        {
            return problems.Validation("InvalidFeedback", "The feedback is invalid; see 'errors' for each field.", errors);
        }

        var feedback = await db.Set<IncidentFeedbackRecord>().SingleOrDefaultAsync(f => f.IncidentId == id, cancellationToken);
        if (feedback is null)
        {
            feedback = new IncidentFeedbackRecord { IncidentId = id, Verdict = body.Verdict!, Author = ActorOf(user) };
            db.Set<IncidentFeedbackRecord>().Add(feedback);
        }

        feedback.Verdict = body.Verdict!;
        feedback.RootCause = rootCause;
        feedback.Comment = body.Comment;
        feedback.Author = ActorOf(user);
        feedback.CreatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(feedback.ToDto());
    }

    internal static async Task<Results<Ok<DrilldownResult>, ProblemHttpResult>> DrilldownAsync(
        long id,
        RcaDbContext db,
        Problems problems,
        CancellationToken cancellationToken,
        string? attributes = null,
        string? combination = null,
        int limit = DefaultDrilldownLimit)
    {
        if (limit is < 1 or > MaxDrilldownLimit)
        {
            return problems.BadRequest("InvalidDrilldown", $"'limit' must be between 1 and {MaxDrilldownLimit}, got {limit}.");
        }

        if (string.IsNullOrWhiteSpace(attributes) && string.IsNullOrWhiteSpace(combination))
        {
            return problems.BadRequest("InvalidDrilldown", "Give 'attributes' (for example attributes=region,isp) or 'combination' (for example combination=region%3Deu%26isp%3Da).");
        }

        AttributeCombination? filter = null;
        if (!string.IsNullOrWhiteSpace(combination))
        {
            try
            {
                filter = AttributeCombination.Parse(combination);
            }
            catch (FormatException error)
            {
                return problems.BadRequest("InvalidDrilldown", error.Message);
            }
        }

        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return problems.NotFound("IncidentNotFound", $"No incident has id {id}.");
        }

        var stored = await db.Set<IncidentLeafSnapshotRecord>().AsNoTracking().SingleOrDefaultAsync(s => s.IncidentId == id, cancellationToken);
        if (stored is null)
        {
            return problems.NotFound(
                "NoLeafSnapshot",
                $"Incident {id} has no stored leaf table: its window had more leaves than Api:MaxSnapshotLeaves, or it opened before snapshots were kept.");
        }

        var snapshot = LeafTableSnapshot.Decompress(stored.Data);

        // Without 'attributes', every leaf under the combination is its own cell.
        var groupBy = string.IsNullOrWhiteSpace(attributes)
            ? snapshot.Attributes
            : attributes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (groupBy.Distinct(StringComparer.Ordinal).Count() != groupBy.Length)
        {
            return problems.BadRequest("InvalidDrilldown", $"'attributes' names an attribute twice: '{attributes}'.");
        }

        try
        {
            var (total, cells) = LeafDrilldown.Compute(snapshot, groupBy, filter, limit);
            return TypedResults.Ok(new DrilldownResult(id, groupBy, filter?.ToString(), total, limit, cells));
        }
        catch (ArgumentException error)
        {
            return problems.BadRequest("InvalidDrilldown", error.Message);
        }
    }

    /// <summary>Returns the name recorded for the caller: the API key name, or <c>anonymous</c>.</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "anonymous" : "anonymous";
}
