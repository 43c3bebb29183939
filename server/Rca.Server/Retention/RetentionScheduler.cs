using Hangfire;
using Microsoft.Extensions.Options;

namespace Rca.Server.Retention;

/// <summary>
/// Adds or updates the recurring retention job at start-up, or removes it when
/// <see cref="RetentionOptions.Enabled"/> is false.
/// </summary>
internal sealed class RetentionScheduler(IRecurringJobManager recurringJobs, IOptions<RetentionOptions> options, ILogger<RetentionScheduler> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            recurringJobs.RemoveIfExists(RetentionJob.RecurringJobId);
            logger.LogInformation("Retention is disabled (Retention:Enabled = false); no rows are deleted");
            return Task.CompletedTask;
        }

        recurringJobs.AddOrUpdate<RetentionJob>(
            RetentionJob.RecurringJobId,
            job => job.RunScheduledAsync(CancellationToken.None),
            settings.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        logger.LogInformation(
            "Scheduled retention on {Schedule}: checks {Checks}, resolved incidents {ResolvedIncidents}, calibration checks {CalibrationChecks}",
            settings.Schedule, settings.Checks, settings.ResolvedIncidents, settings.CalibrationChecks);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
