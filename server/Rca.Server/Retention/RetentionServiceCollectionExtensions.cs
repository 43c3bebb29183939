using Microsoft.Extensions.Options;

namespace Rca.Server.Retention;

/// <summary>Registers the retention job.</summary>
internal static class RetentionServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Retention</c> at start-up, registers the job and schedules it.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddScoped<RetentionJob>();
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
