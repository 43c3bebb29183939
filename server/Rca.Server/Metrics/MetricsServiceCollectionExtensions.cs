using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Rca.Server.Metrics;

/// <summary>Registers the service's instruments and the Prometheus <c>/metrics</c> endpoint.</summary>
internal static class MetricsServiceCollectionExtensions
{
    /// <summary>The meter of ASP.NET Core's HTTP server metrics (<c>http.server.request.duration</c>).</summary>
    private const string AspNetCoreHostingMeter = "Microsoft.AspNetCore.Hosting";

    /// <summary>Registers <see cref="RcaMetrics"/>; the replay command needs only this.</summary>
    public static IServiceCollection AddRcaInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<RcaMetrics>();
        return services;
    }

    /// <summary>
    /// Exports the <c>RcaService</c> meter and ASP.NET Core's HTTP server meter in Prometheus
    /// format, and publishes the Hangfire queue length.
    /// </summary>
    /// <remarks>
    /// Only the meters named here are exported. The Blazor component meters of ASP.NET Core 10
    /// produced about 1,300 histogram series (415 KB per scrape) after a few page loads. They are
    /// not subscribed, and a drop view keeps them out even if a later change adds their meter.
    /// </remarks>
    public static IServiceCollection AddRcaMetrics(this IServiceCollection services)
    {
        services.AddRcaInstruments();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(RcaMetricNames.Meter))
            .WithMetrics(metrics => metrics
                .AddMeter(RcaMetricNames.Meter, AspNetCoreHostingMeter)
                .AddView(instrument => instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                    ? MetricStreamConfiguration.Drop
                    : null)
                .AddPrometheusExporter());
        services.AddHostedService<HangfireQueueGauge>();
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> without authentication and outside the OpenAPI document.</summary>
    public static IEndpointConventionBuilder MapRcaMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
}
