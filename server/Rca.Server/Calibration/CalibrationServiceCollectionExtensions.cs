using Microsoft.Extensions.Options;
using Rca.Server.Demo;

namespace Rca.Server.Calibration;

/// <summary>Registers the calibration checks.</summary>
internal static class CalibrationServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Calibration</c> at start-up, registers the check job, its InfluxDB
    /// source and the outbox notifier, and schedules one recurring job per enabled model. With
    /// <c>Demo:Enabled</c>, adds the <c>ctr-demo</c> model (unless configured) and its data loader.
    /// </summary>
    public static IServiceCollection AddCalibrationChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalibrationOptions>().Bind(configuration.GetSection(CalibrationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalibrationOptions>, CalibrationOptionsValidator>();

        services.AddHttpClient<CalibrationSource>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<CalibrationCheckJob>();
        services.AddScoped<CalibrationScheduler>();
        services.AddScoped<ICalibrationNotifier, OutboxCalibrationNotifier>();
        services.AddHostedService<CalibrationStartup>();

        if (configuration.GetValue($"{DemoOptions.Section}:Enabled", false))
        {
            var database = configuration[$"{DemoOptions.Section}:Database"] ?? new DemoOptions().Database;
            services.PostConfigure<CalibrationOptions>(options => options.Models.TryAdd(CalibrationDemo.ModelName, CalibrationDemo.Model(database)));
            services.AddHttpClient(nameof(CalibrationDemoLoader), client => client.Timeout = TimeSpan.FromSeconds(60));
            services.AddHostedService<CalibrationDemoLoader>();
        }

        return services;
    }
}
