using Hangfire;
using Microsoft.Extensions.Options;

namespace Rca.Server.Notifications;

/// <summary>
/// Schedules the recurring dispatcher run at start-up and logs the configured channels.
/// </summary>
internal sealed class NotificationStartup(
    IRecurringJobManager recurringJobs, IOptions<NotificationOptions> options, ILogger<NotificationStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<NotificationDispatchJob>(
            NotificationDispatchJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.DispatchSchedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        foreach (var (name, channel) in options.Value.Channels)
        {
            logger.LogInformation("Notification channel {Channel}: {Type} to {Host}", name, channel.Type, new Uri(channel.Url).Host);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
