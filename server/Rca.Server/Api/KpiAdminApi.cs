using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Security;
using Rca.Server.Sources;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The KPI definition endpoints: fetch, create, update, delete and test a definition. Bodies
/// use the seed file's JSON form and validator, so durations read "1m" and errors name the field.
/// </summary>
internal static class KpiAdminApi
{
    private const string Example = """
        {
          "name": "checkout-errors",
          "description": "Failed checkouts per minute",
          "source": { "kind": "influxql", "database": "shop" },
          "measurement": "checkout",
          "measure": "sum",
          "field": "errors",
          "attributes": ["region", "isp", "app_version"],
          "interval": "1m",
          "forecast": { "method": "mean", "history": 8 },
          "detection": { "threshold": 3.5, "minRelativeChange": 0.1, "direction": "up" },
          "channels": ["oncall-slack"]
        }
        """;

    public static RouteGroupBuilder MapKpiAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/kpis").WithTags("KPIs");

        group.MapGet("/{name}", GetAsync)
            .WithName("GetKpi")
            .WithSummary("Returns one KPI definition in the seed file's JSON form.")
            .Produces<KpiDefinition>(StatusCodes.Status200OK, "application/json")
            .RequireAuthorization(ApiPolicies.Read);

        group.MapPost("/", CreateAsync)
            .WithName("CreateKpi")
            .WithSummary("Creates a KPI definition and schedules its check; 409 when the name is taken.")
            .Accepts<KpiDefinition>("application/json")
            .WithMetadata(new RequestExample(Example))
            .RequireAuthorization(ApiPolicies.Write);

        group.MapPut("/{name}", UpdateAsync)
            .WithName("UpdateKpi")
            .WithSummary("Replaces a KPI definition and reschedules its check; the body's name must match the route.")
            .Accepts<KpiDefinition>("application/json")
            .WithMetadata(new RequestExample(Example))
            .RequireAuthorization(ApiPolicies.Write);

        group.MapDelete("/{name}", DeleteAsync)
            .WithName("DeleteKpi")
            .WithSummary("Deletes a KPI definition and its scheduled check; its incidents and checks are kept.")
            .RequireAuthorization(ApiPolicies.Write);

        group.MapPost("/test", TestAsync)
            .WithName("TestKpi")
            .WithSummary("Runs a definition's query for the latest complete window and returns leaf count and totals, without saving.")
            .Accepts<KpiDefinition>("application/json")
            .WithMetadata(new RequestExample(Example))
            .RequireAuthorization(ApiPolicies.Write);

        return group;
    }

    internal static async Task<Results<JsonHttpResult<KpiDefinition>, ProblemHttpResult>> GetAsync(
        string name, KpiCatalog catalog, Problems problems, CancellationToken cancellationToken)
    {
        var kpi = await catalog.FindAsync(name, cancellationToken);
        return kpi is null
            ? problems.NotFound("KpiNotFound", $"No KPI is named '{name}'.")
            : TypedResults.Json(kpi, KpiJson.Options);
    }

    internal static async Task<Results<Created<KpiSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, KpiCatalog catalog, KpiScheduler scheduler, Problems problems, CancellationToken cancellationToken)
    {
        var (kpi, errors) = await KpiDefinitionProblems.ReadAsync(request, cancellationToken);
        if (kpi is null)
        {
            return problems.Validation("InvalidKpiDefinition", "The KPI definition is invalid; see 'errors' for each field.", errors);
        }

        if (await catalog.FindAsync(kpi.Name, cancellationToken) is not null)
        {
            return problems.Conflict("KpiExists", $"A KPI named '{kpi.Name}' exists; update it with PUT {ApiVersion.RoutePrefix}/kpis/{kpi.Name}.");
        }

        try
        {
            await catalog.UpsertAsync([kpi], cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            return problems.Conflict("KpiExists", $"A KPI named '{kpi.Name}' was created by another request at the same time.");
        }

        scheduler.Apply([kpi]);
        return TypedResults.Created($"{ApiVersion.RoutePrefix}/kpis/{Uri.EscapeDataString(kpi.Name)}", kpi.ToSummary(null));
    }

    internal static async Task<Results<Ok<KpiSummary>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, HttpRequest request, KpiCatalog catalog, KpiScheduler scheduler, Problems problems, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(name, cancellationToken) is null)
        {
            return problems.NotFound("KpiNotFound", $"No KPI is named '{name}'; create it with POST {ApiVersion.RoutePrefix}/kpis.");
        }

        var (kpi, errors) = await KpiDefinitionProblems.ReadAsync(request, cancellationToken);
        if (kpi is not null && kpi.Name != name)
        {
            errors["name"] = [$"must match the route's name '{name}', got '{kpi.Name}'; KPIs cannot be renamed."];
            kpi = null;
        }

        if (kpi is null)
        {
            return problems.Validation("InvalidKpiDefinition", "The KPI definition is invalid; see 'errors' for each field.", errors);
        }

        await catalog.UpsertAsync([kpi], cancellationToken);
        scheduler.Apply([kpi]);
        return TypedResults.Ok(kpi.ToSummary(null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, RcaDbContext db, KpiCatalog catalog, KpiScheduler scheduler, Problems problems, CancellationToken cancellationToken)
    {
        var kpi = await catalog.FindAsync(name, cancellationToken);
        if (kpi is null)
        {
            return problems.NotFound("KpiNotFound", $"No KPI is named '{name}'.");
        }

        await db.Kpis.Where(record => record.Name == name).ExecuteDeleteAsync(cancellationToken);
        scheduler.Apply([kpi with { Enabled = false }]);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<KpiTestResult>, ValidationProblem, ProblemHttpResult>> TestAsync(
        HttpRequest request, KpiSourceResolver sources, TimeProvider time, Problems problems, CancellationToken cancellationToken)
    {
        var (kpi, errors) = await KpiDefinitionProblems.ReadAsync(request, cancellationToken);
        if (kpi is null)
        {
            return problems.Validation("InvalidKpiDefinition", "The KPI definition is invalid; see 'errors' for each field.", errors);
        }

        var window = WindowClock.LatestCompleteWindow(time.GetUtcNow(), kpi.Interval, kpi.LabelDelay);
        KpiSeries series;
        try
        {
            series = await sources.Resolve(kpi).QueryAsync(kpi, window, window + kpi.Interval, cancellationToken);
        }
        catch (Exception error) when (error is KpiSourceException or InvalidOperationException or HttpRequestException)
        {
            return problems.Status(StatusCodes.Status502BadGateway, "KpiSourceFailed", error.Message);
        }

        double fieldSum = 0, denominatorSum = 0;
        var leafCount = 0;
        for (var leaf = 0; leaf < series.Leaves.Count; leaf++)
        {
            var numerator = Sum(series.Values[leaf]);
            var denominator = series.Denominators is null ? 0 : Sum(series.Denominators[leaf]);
            fieldSum += numerator;
            denominatorSum += denominator;
            if (numerator != 0 || denominator != 0)
            {
                leafCount++;
            }
        }

        var ratio = kpi.Measure == KpiMeasure.Ratio;
        var total = ratio ? Rca.Detectors.Data.LeafTable.Ratio(fieldSum, denominatorSum) : fieldSum;
        var attributes = AttributeValues(series);
        return TypedResults.Ok(new KpiTestResult(kpi.Name, window, window + kpi.Interval, leafCount, total, fieldSum, ratio ? denominatorSum : null, attributes));
    }

    // Only leaves with data count, so a tag value that appears in older windows alone is not shown as found.
    private static List<KpiAttributeValues> AttributeValues(KpiSeries series)
    {
        const int ExampleCount = 5;
        var result = new List<KpiAttributeValues>(series.Attributes.Count);
        for (var attribute = 0; attribute < series.Attributes.Count; attribute++)
        {
            var values = new SortedSet<string>(StringComparer.Ordinal);
            for (var leaf = 0; leaf < series.Leaves.Count; leaf++)
            {
                if (HasData(series, leaf))
                {
                    values.Add(series.Leaves[leaf][attribute]);
                }
            }

            result.Add(new KpiAttributeValues(series.Attributes[attribute], values.Count, [.. values.Take(ExampleCount)]));
        }

        return result;
    }

    private static bool HasData(KpiSeries series, int leaf) =>
        Sum(series.Values[leaf]) != 0 || (series.Denominators is not null && Sum(series.Denominators[leaf]) != 0);

    private static double Sum(double[] values)
    {
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
