using System.Security.Claims;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Detectors.Data;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Localizations;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// Ad-hoc localization: of an uploaded leaf table (JSON or Squeeze-layout CSV), or of one
/// window of a stored KPI. Uploads up to <see cref="ApiOptions.MaxSyncLeaves"/> leaves are
/// localized during the request; larger ones and KPI windows run as background jobs.
/// </summary>
internal static class LocalizeApi
{
    private const string Example = """
        {"attributes":["region","isp"],"measure":"sum","leaves":[
          {"values":["eu","a"],"actual":20,"forecast":100},
          {"values":["eu","b"],"actual":25,"forecast":100},
          {"values":["us","a"],"actual":101,"forecast":100},
          {"values":["us","b"],"actual":99,"forecast":100}]}
        """;

    public static void MapLocalizeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiVersion.RoutePrefix + "/localize", LocalizeAsync)
            .WithName("Localize")
            .WithSummary("Localizes the root causes of an uploaded leaf table, or queues the localization of one KPI window.")
            .WithDescription(
                "JSON: {attributes, measure: sum|ratio, leaves: [{values, actual, forecast, actualDenominator, forecastDenominator}]}, " +
                "or {kpi, time} for the KPI window that contains time (always a background job). " +
                "multipart/form-data: one file 'file' with columns real,predict,<attributes>, or files 'a' and 'b' for a ratio. " +
                "Optional 'algorithm' (psqueeze or squeeze) as JSON field or form field. " +
                "Answers 200 with the result, or 202 with Location /api/v1/localizations/{id} for background runs. Rate-limited per key.")
            .WithTags("Localization")
            .Accepts<LocalizeRequest>("application/json", "multipart/form-data")
            .WithMetadata(new RequestExample(Example))
            .RequireAuthorization(ApiPolicies.Write)
            .RequireRateLimiting(ApiServiceCollectionExtensions.LocalizeRateLimitPolicy)
            .DisableAntiforgery();

        app.MapGet(ApiVersion.RoutePrefix + "/localizations/{id:long}", GetAsync)
            .WithName("GetLocalization")
            .WithSummary("Returns a background localization: its status and, once it succeeded, the result.")
            .WithTags("Localization")
            .RequireAuthorization(ApiPolicies.Read);
    }

    private static async Task<Results<Ok<LocalizationResultDto>, Accepted<LocalizationStatusDto>, ProblemHttpResult>> LocalizeAsync(
        HttpRequest request,
        RcaDbContext db,
        KpiCatalog catalog,
        AdHocLocalizer localizer,
        IBackgroundJobClient jobs,
        IOptions<ApiOptions> options,
        Problems problems,
        TimeProvider time,
        ClaimsPrincipal user,
        ILogger<LocalizationRecord> logger,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        LeafTable table;
        string algorithm;
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                algorithm = Algorithm(form["algorithm"].ToString());
                table = UploadedTableReader.FromForm(form, limits.MaxUploadLeaves);
            }
            else if (request.HasJsonContentType())
            {
                var body = await UploadedTableReader.ReadJsonAsync(request.Body, cancellationToken);
                algorithm = Algorithm(body.Algorithm);
                if (body.Kpi is not null || body.Time is not null)
                {
                    return await QueueWindowAsync(body, algorithm, db, catalog, jobs, problems, time, user, cancellationToken);
                }

                table = UploadedTableReader.FromJson(body, limits.MaxUploadLeaves);
            }
            else
            {
                return problems.Status(
                    StatusCodes.Status415UnsupportedMediaType,
                    "Status415",
                    $"Content type '{request.ContentType}' is not accepted here; send application/json or multipart/form-data.");
            }
        }
        catch (InvalidUploadException error)
        {
            logger.LogInformation("Rejected an upload to localize: {Problem}", error.Message);
            var extensions = new Dictionary<string, object?>();
            if (error.File is not null)
            {
                extensions["file"] = error.File;
            }

            if (error.Line is not null)
            {
                extensions["line"] = error.Line;
            }

            if (error.Column is not null)
            {
                extensions["column"] = error.Column;
            }

            return problems.Status(StatusCodes.Status400BadRequest, error.TooManyLeaves ? "TooManyLeaves" : "InvalidUpload", error.Message, extensions);
        }

        if (table.LeafCount <= limits.MaxSyncLeaves)
        {
            return TypedResults.Ok(localizer.Localize(table, algorithm, cancellationToken));
        }

        var record = new LocalizationRecord
        {
            Status = LocalizationStatus.Queued,
            LeafCount = table.LeafCount,
            Input = LeafTableSnapshot.From(table).Compress(),
            RequestedBy = IncidentActionsApi.ActorOf(user),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        return await QueueAsync(record, algorithm, db, jobs, cancellationToken);
    }

    private static async Task<Results<Ok<LocalizationResultDto>, Accepted<LocalizationStatusDto>, ProblemHttpResult>> QueueWindowAsync(
        LocalizeRequest body,
        string algorithm,
        RcaDbContext db,
        KpiCatalog catalog,
        IBackgroundJobClient jobs,
        Problems problems,
        TimeProvider time,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body.Attributes is not null || body.Leaves is not null || body.Measure is not null)
        {
            return problems.BadRequest("InvalidUpload", "Send either an uploaded table (attributes, measure, leaves) or a KPI window (kpi, time), not both.");
        }

        if (string.IsNullOrEmpty(body.Kpi) || body.Time is null)
        {
            return problems.BadRequest("InvalidUpload", "A KPI window needs both 'kpi' and 'time' (ISO 8601, for example 2026-03-01T11:50:00Z).");
        }

        var kpi = await catalog.FindAsync(body.Kpi, cancellationToken);
        if (kpi is null)
        {
            return problems.NotFound("KpiNotFound", $"No KPI is named '{body.Kpi}'.");
        }

        var window = WindowClock.AlignDown(body.Time.Value, kpi.Interval);
        if (window + kpi.Interval > time.GetUtcNow())
        {
            return problems.BadRequest("InvalidUpload", $"The window {window:O} of KPI '{kpi.Name}' has not ended yet.");
        }

        var record = new LocalizationRecord
        {
            Status = LocalizationStatus.Queued,
            KpiName = kpi.Name,
            WindowStart = window.UtcDateTime,
            RequestedBy = IncidentActionsApi.ActorOf(user),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        return await QueueAsync(record, algorithm, db, jobs, cancellationToken);
    }

    private static async Task<Results<Ok<LocalizationResultDto>, Accepted<LocalizationStatusDto>, ProblemHttpResult>> QueueAsync(
        LocalizationRecord record, string algorithm, RcaDbContext db, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        db.Set<LocalizationRecord>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<LocalizationJob>(job => job.RunAsync(record.Id, algorithm, CancellationToken.None));
        return TypedResults.Accepted($"{ApiVersion.RoutePrefix}/localizations/{record.Id}", ToDto(record));
    }

    private static async Task<Results<Ok<LocalizationStatusDto>, ProblemHttpResult>> GetAsync(
        long id, RcaDbContext db, Problems problems, CancellationToken cancellationToken)
    {
        var record = await db.Set<LocalizationRecord>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        return record is null
            ? problems.NotFound("LocalizationNotFound", $"No localization has id {id}.")
            : TypedResults.Ok(ToDto(record));
    }

    private static string Algorithm(string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return "psqueeze";
        }

        return AdHocLocalizer.Algorithms.Contains(requested)
            ? requested
            : throw new InvalidUploadException($"'algorithm' must be one of {string.Join(", ", AdHocLocalizer.Algorithms)}, got '{requested}'.");
    }

    private static LocalizationStatusDto ToDto(LocalizationRecord record) => new(
        record.Id,
        record.Status,
        record.KpiName,
        record.WindowStart is { } window ? ContractMapping.Utc(window) : null,
        record.LeafCount,
        record.Error,
        record.ResultJson is null ? null : JsonSerializer.Deserialize<LocalizationResultDto>(record.ResultJson, JsonSerializerOptions.Web),
        ContractMapping.Utc(record.CreatedAt),
        record.FinishedAt is { } finished ? ContractMapping.Utc(finished) : null);
}
