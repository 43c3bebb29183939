using Rca.Detectors.Localization;
using Rca.Server.Api;
using Rca.Server.Demo;
using Rca.Server.Health;
using Rca.Server.Incidents;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Metrics;
using Rca.Server.Replay;
using Rca.Server.Sources;
using Rca.Server.Storage;

namespace Rca.Server.Hosting;

/// <summary>
/// Registers the services of the monitoring host.
/// </summary>
internal static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers what a check needs and nothing that runs on its own: options, the incident store,
    /// the KPI sources, the localizers, the checker and the replay. The replay command uses only these.
    /// </summary>
    public static IServiceCollection AddRcaChecks(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ServerIdentity(configuration));
        services.AddLocalization();
        services.AddRcaInstruments();

        services.AddOptions<CheckOptions>().Bind(configuration.GetSection(CheckOptions.Section))
            .Validate(
                o => o.MaxCatchUpWindows >= 0 && o.MaxReplayWindows >= 1 && o.HistoryCacheMaxValues >= 0,
                "Checks:MaxCatchUpWindows and Checks:HistoryCacheMaxValues must be at least 0 and Checks:MaxReplayWindows at least 1.")
            .ValidateOnStart();
        services.AddOptions<KpiSeedOptions>().Bind(configuration.GetSection(KpiSeedOptions.Section));

        services.AddIncidentStore(configuration, contentRootPath);
        services.AddKpiSources(configuration);
        services.AddKeyedSingleton<IRootCauseLocalizer>("psqueeze", new PSqueezeLocalizer());
        services.AddKeyedSingleton<IRootCauseLocalizer>("squeeze", new PSqueezeLocalizer(new PSqueezeOptions { Probabilistic = false }));

        services.AddSingleton<KpiWindowHistory>();
        services.AddScoped<KpiCatalog>();
        services.AddScoped<KpiSeeder>();
        services.AddScoped<KpiWindowChecker>();
        services.AddScoped<KpiReplayService>();
        services.AddScoped<KpiSourceResolver>();
        services.AddScoped<LocalizerResolver>();
        services.AddIncidentRecording(configuration);
        return services;
    }

    /// <summary>Registers the whole host: <see cref="AddRcaChecks"/>, Hangfire, start-up, the demo and the API.</summary>
    public static IServiceCollection AddRcaServer(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddRcaChecks(configuration, contentRootPath);
        services.AddProblemDetails();
        services.AddOpenApi();

        // The initializer must be registered before the Hangfire server so that migrations and
        // recurring jobs exist before the first job runs.
        services.AddHostedService<ServiceInitializer>();
        services.AddRcaHangfire(configuration, contentRootPath);

        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        if (configuration.GetValue($"{DemoOptions.Section}:Enabled", false))
        {
            services.AddHttpClient<InfluxLineWriter>(client => client.Timeout = TimeSpan.FromSeconds(30));
            services.AddHostedService<DemoLoader>();
        }

        services.AddScoped<KpiScheduler>();
        services.AddScoped<KpiStartup>();
        services.AddScoped<KpiCheckJob>();
        services.AddScoped<HealthReporter>();
        services.AddScoped<Problems>();
        return services;
    }
}
