namespace Rca.Server.Health;

/// <summary>Registers the readiness probe behind <c>GET /readyz</c>.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ReadinessOptions"/> from <c>Readiness</c> and registers <see cref="ReadinessProbe"/>.</summary>
    public static IServiceCollection AddReadinessProbe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadinessOptions>()
            .Bind(configuration.GetSection(ReadinessOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "Readiness:Timeout must be positive, for example 00:00:02.")
            .ValidateOnStart();

        // Each check sets its own time limit from ReadinessOptions, which may change at run time.
        services.AddHttpClient(ReadinessProbe.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}
