using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Contracts;
using Rca.Server.Health;

namespace Rca.Server.Api;

/// <summary>
/// The liveness endpoint, <c>GET /healthz</c>. It returns 200 while the process serves requests,
/// whatever the state of InfluxDB or the store, and 503 once the host is stopping; readiness is
/// <c>GET /readyz</c>.
/// </summary>
internal static class HealthApi
{
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", GetHealthAsync)
            .WithName("GetHealth")
            .WithSummary("Returns 200 while the process runs, with ok, or degraded and the latest error per KPI source whose latest check failed; 503 while stopping.")
            .WithTags("Health");

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(
        HealthReporter reporter, IHostApplicationLifetime lifetime, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return TypedResults.Json(new HealthReport("stopping", []), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            return TypedResults.Ok(await reporter.ReportAsync(cancellationToken));
        }
        catch (DbException error)
        {
            // A store outage is a readiness failure (GET /readyz); restarting the process would not fix it.
            loggers.CreateLogger(typeof(HealthApi)).LogWarning(error, "The health report could not read the store; returning status unknown");
            return TypedResults.Ok(new HealthReport("unknown", []));
        }
    }
}
