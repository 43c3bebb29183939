using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Contracts;
using Rca.Server.Health;

namespace Rca.Server.Api;

/// <summary>
/// The readiness endpoint, <c>GET /readyz</c>: 200 when every InfluxDB connection and the store
/// respond, otherwise 503 with the checks that failed.
/// </summary>
internal static class ReadinessApi
{
    public static RouteHandlerBuilder MapReadinessApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/readyz", GetReadinessAsync)
            .WithName("GetReadiness")
            .WithSummary("Pings every InfluxDB connection and queries the store; 200 when all respond, 503 naming the failed checks otherwise.")
            .WithTags("Health");

    private static async Task<Results<Ok<ReadinessReport>, JsonHttpResult<ReadinessReport>>> GetReadinessAsync(
        ReadinessProbe probe, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return TypedResults.Json(new ReadinessReport("stopping", []), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var report = await probe.ProbeAsync(cancellationToken);
        return report.Status == "ready"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
