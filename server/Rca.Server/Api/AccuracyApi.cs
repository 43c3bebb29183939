using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The accuracy endpoint: feedback counts and shares per KPI.
/// </summary>
internal static class AccuracyApi
{
    public static RouteHandlerBuilder MapAccuracyApi(this IEndpointRouteBuilder app) =>
        app.MapGet(ApiVersion.RoutePrefix + "/accuracy", ListAsync)
            .WithName("GetAccuracy")
            .WithSummary("Returns, per KPI, the incidents, the feedback counts and the share judged correct, partly right and wrong.")
            .WithDescription("`from` and `to` bound the incidents' window start. Shares are of the incidents with feedback.")
            .WithTags("Incidents")
            .RequireAuthorization(ApiPolicies.Read);

    private static async Task<Results<Ok<List<KpiAccuracy>>, ProblemHttpResult>> ListAsync(
        RcaDbContext db,
        Problems problems,
        CancellationToken cancellationToken,
        string? kpi = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        if (from is not null && to is not null && from >= to)
        {
            return problems.BadRequest("InvalidIncidentFilter", $"'from' ({from:O}) must be before 'to' ({to:O}).");
        }

        var incidents = db.Incidents.AsNoTracking();
        if (!string.IsNullOrEmpty(kpi))
        {
            incidents = incidents.Where(i => i.KpiName == kpi);
        }

        if (from is not null)
        {
            var fromUtc = from.Value.UtcDateTime;
            incidents = incidents.Where(i => i.WindowStart >= fromUtc);
        }

        if (to is not null)
        {
            var toUtc = to.Value.UtcDateTime;
            incidents = incidents.Where(i => i.WindowStart < toUtc);
        }

        var rows = await incidents
            .GroupJoin(db.Set<IncidentFeedbackRecord>(), i => i.Id, f => f.IncidentId, (i, feedback) => new { i.KpiName, feedback })
            .SelectMany(x => x.feedback.DefaultIfEmpty(), (x, f) => new { x.KpiName, Verdict = f == null ? null : f.Verdict })
            .GroupBy(x => new { x.KpiName, x.Verdict })
            .Select(g => new { g.Key.KpiName, g.Key.Verdict, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var result = new List<KpiAccuracy>();
        foreach (var group in rows.GroupBy(r => r.KpiName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Count(string? verdict) => group.Where(r => r.Verdict == verdict).Sum(r => r.Count);
            var correct = Count("correct");
            var partly = Count("partly");
            var wrong = Count("wrong");
            var withFeedback = correct + partly + wrong;
            double? Share(int count) => withFeedback == 0 ? null : (double)count / withFeedback;
            result.Add(new KpiAccuracy(
                group.Key, group.Sum(r => r.Count), withFeedback, correct, partly, wrong, Share(correct), Share(partly), Share(wrong)));
        }

        return TypedResults.Ok(result);
    }
}
