using Hangfire;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Keeps one Hangfire recurring job per enabled KPI, <c>kpi-check:&lt;name&gt;</c>, on the KPI's schedule.
/// </summary>
internal sealed class KpiScheduler(IRecurringJobManager recurringJobs, ILogger<KpiScheduler> logger)
{
    /// <summary>Adds or updates the jobs of enabled KPIs and removes those of disabled ones.</summary>
    public void Apply(IReadOnlyList<KpiDefinition> kpis)
    {
        foreach (var kpi in kpis)
        {
            var id = KpiCheckJob.RecurringJobId(kpi.Name);
            var schedule = KpiDefinitionValidator.EffectiveSchedule(kpi);
            if (!kpi.Enabled || schedule is null)
            {
                recurringJobs.RemoveIfExists(id);
                continue;
            }

            recurringJobs.AddOrUpdate<KpiCheckJob>(
                id,
                job => job.RunScheduledAsync(kpi.Name, CancellationToken.None),
                schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            logger.LogInformation("Scheduled KPI {Kpi} as {JobId} on {Schedule}", kpi.Name, id, schedule);
        }
    }
}
