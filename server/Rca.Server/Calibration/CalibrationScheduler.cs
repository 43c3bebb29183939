using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace Rca.Server.Calibration;

/// <summary>
/// Keeps one Hangfire recurring job per enabled calibration model, <c>calibration-check:&lt;name&gt;</c>,
/// and removes the jobs of models that are no longer configured or enabled.
/// </summary>
internal sealed class CalibrationScheduler(
    IRecurringJobManager recurringJobs,
    JobStorage storage,
    IOptionsMonitor<CalibrationOptions> options,
    ILogger<CalibrationScheduler> logger)
{
    public void Apply()
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, model) in options.CurrentValue.Models)
        {
            var id = CalibrationCheckJob.RecurringJobId(name);
            if (!model.Enabled)
            {
                continue;
            }

            expected.Add(id);
            recurringJobs.AddOrUpdate<CalibrationCheckJob>(
                id,
                job => job.RunScheduledAsync(name, CancellationToken.None),
                model.Schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            logger.LogInformation("Scheduled calibration model {Model} as {JobId} on {Schedule}", name, id, model.Schedule);
        }

        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(CalibrationCheckJob.RecurringJobId(""), StringComparison.Ordinal) && !expected.Contains(job.Id))
            {
                recurringJobs.RemoveIfExists(job.Id);
                logger.LogInformation("Removed recurring job {JobId}: its calibration model is no longer configured or enabled", job.Id);
            }
        }
    }
}
