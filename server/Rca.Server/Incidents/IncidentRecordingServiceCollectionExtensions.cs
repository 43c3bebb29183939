using Microsoft.Extensions.Options;
using Rca.Server.Api;
using Rca.Server.Notifications;

namespace Rca.Server.Incidents;

/// <summary>
/// Registers what a check needs to record a new incident fully: the leaf snapshot and the
/// outbox messages, with the <c>Api</c> and <c>Notifications</c> options they read. Both the web
/// host and the replay command run checks, so both call this.
/// </summary>
internal static class IncidentRecordingServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentRecording(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>>(new DelegateOptionsValidator<ApiOptions>(o => o.Validate()));
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>>(new DelegateOptionsValidator<NotificationOptions>(o => o.Validate()));
        services.AddScoped<IncidentOpenedRecorder>();
        services.AddScoped<NotificationOutbox>();
        return services;
    }
}
