using Microsoft.Extensions.Options;

namespace Rca.Server.Sources;

/// <summary>Registers the KPI sources.</summary>
public static class KpiSourceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKpiSource"/> (InfluxQL and Flux, chosen per KPI), binds
    /// <see cref="InfluxOptions"/> from the <c>Influx</c> section and validates every connection
    /// when the host starts.
    /// </summary>
    public static IServiceCollection AddKpiSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(InfluxOptions.SectionName);
        services.AddOptions<InfluxOptions>()
            .Configure(options =>
            {
                // The section itself is the default connection, so bind it to that and the
                // Connections child to the named ones.
                section.Bind(options.Default);
                section.GetSection(nameof(InfluxOptions.Connections)).Bind(options.Connections);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>();

        services.AddHttpClient<InfluxQlKpiSource>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<FluxKpiSource>();
        services.AddTransient<IKpiSource, KpiSourceDispatcher>();
        return services;
    }
}
