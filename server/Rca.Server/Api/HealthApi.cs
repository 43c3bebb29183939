using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Contracts;
using Rca.Server.Health;

namespace Rca.Server.Api;

/// <summary>
/// The health endpoint.
/// </summary>
internal static class HealthApi
{
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async Task<Ok<HealthReport>> (HealthReporter reporter, CancellationToken cancellationToken) =>
                TypedResults.Ok(await reporter.ReportAsync(cancellationToken)))
            .WithName("GetHealth")
            .WithSummary("Returns ok, or degraded with the latest error per KPI source whose latest check failed.")
            .WithTags("Health");
}
