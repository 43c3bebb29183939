using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Contracts.Calibration;
using Rca.Server.Api;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Calibration;

/// <summary>
/// The calibration endpoints: configured models with their latest verdict, stored checks, and
/// an offline check of an uploaded CSV file.
/// </summary>
internal static class CalibrationApi
{
    public static RouteGroupBuilder MapCalibrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/calibration").WithTags("Calibration").RequireAuthorization(ApiPolicies.Read);

        group.MapGet("/models", ListModelsAsync)
            .WithName("ListCalibrationModels")
            .WithSummary("Lists the configured calibration models with the check of each one's latest mature window.");

        group.MapGet("/models/{name}/checks", ListChecksAsync)
            .WithName("ListCalibrationChecks")
            .WithSummary("Lists the checks of one model, newest window first, optionally in [from, to) and with one verdict.");

        group.MapGet("/checks/{id:long}", GetCheckAsync)
            .WithName("GetCalibrationCheck")
            .WithSummary("Returns one calibration check with its metrics, bands, reliability diagram and miscalibrated segments.");

        group.MapPost("/check", CalibrationUpload.CheckAsync)
            .WithName("CheckCalibrationFile")
            .WithSummary("Checks an uploaded CSV (multipart part 'file') of aggregate rows or raw predictions; returns its metrics and, when it looks drifted, the miscalibrated segments. Nothing is stored.")
            .Accepts<IFormFile>("multipart/form-data")
            .RequireAuthorization(ApiPolicies.Write)
            .DisableAntiforgery();

        return group;
    }

    internal static async Task<Ok<List<CalibrationModelSummary>>> ListModelsAsync(
        IOptionsMonitor<CalibrationOptions> options, RcaDbContext db, CancellationToken cancellationToken)
    {
        var result = new List<CalibrationModelSummary>();
        foreach (var (name, model) in options.CurrentValue.Models.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var latest = await db.CalibrationChecks.AsNoTracking()
                .Where(check => check.ModelName == name && check.Mature)
                .OrderByDescending(check => check.WindowStart)
                .FirstOrDefaultAsync(cancellationToken);
            result.Add(model.ToSummary(name, latest));
        }

        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<Page<CalibrationCheckSummary>>, ProblemHttpResult>> ListChecksAsync(
        string name,
        IOptionsMonitor<CalibrationOptions> options,
        RcaDbContext db,
        Problems problems,
        CancellationToken cancellationToken,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        string? verdict = null,
        int limit = Paging.DefaultLimit,
        int offset = 0)
    {
        if (Paging.Validate(limit, offset) is { } pagingError)
        {
            return problems.BadRequest("InvalidPaging", pagingError);
        }

        if (!options.CurrentValue.Models.ContainsKey(name))
        {
            return problems.NotFound("CalibrationModelNotFound", $"No calibration model is named '{name}'. Configure it under Calibration:Models:{name}.");
        }

        if (from is not null && to is not null && from >= to)
        {
            return problems.BadRequest("InvalidCalibrationFilter", $"'from' ({from:O}) must be before 'to' ({to:O}).");
        }

        if (verdict is not null && !CalibrationStates.All.Contains(verdict))
        {
            return problems.BadRequest("InvalidCalibrationFilter", $"'verdict' must be one of {string.Join(", ", CalibrationStates.All)}, got '{verdict}'.");
        }

        var query = db.CalibrationChecks.AsNoTracking().Where(check => check.ModelName == name);
        if (from is { } start)
        {
            var fromUtc = start.UtcDateTime;
            query = query.Where(check => check.WindowStart >= fromUtc);
        }

        if (to is { } end)
        {
            var toUtc = end.UtcDateTime;
            query = query.Where(check => check.WindowStart < toUtc);
        }

        if (verdict is not null)
        {
            query = query.Where(check => check.State == verdict);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(check => check.WindowStart).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CalibrationCheckSummary>([.. page.Select(check => check.ToSummary())], total, offset, limit));
    }

    internal static async Task<Results<Ok<CalibrationCheckDetail>, ProblemHttpResult>> GetCheckAsync(
        long id, RcaDbContext db, Problems problems, CancellationToken cancellationToken)
    {
        var check = await db.CalibrationChecks.AsNoTracking()
            .Include(c => c.Fields)
            .Include(c => c.Segments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return check is null
            ? problems.NotFound("CalibrationCheckNotFound", $"No calibration check has id {id}.")
            : TypedResults.Ok(check.ToDetail());
    }
}
