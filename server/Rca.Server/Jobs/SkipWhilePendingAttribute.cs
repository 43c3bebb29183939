using Hangfire.Client;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace Rca.Server.Jobs;

/// <summary>
/// Cancels the creation of a KPI's scheduled check while the previous run of its recurring job
/// is still enqueued or processing, so a KPI never has more than one run waiting.
/// </summary>
/// <remarks>
/// Hangfire creates a run of a recurring job at every occurrence of its schedule, whether or not
/// the last one finished, so a queue that falls behind grows without bound (1,626 runs in a
/// 200-KPI load run). Skipping loses no window: a run checks every window since the last ok or
/// anomalous check, and <see cref="KpiCheckJob.RunScheduledAsync"/> checks the windows that
/// became due while it ran before it returns. The state is read from Hangfire's storage, so
/// the rule also holds across servers that share it. A run that failed and waits for a retry
/// is in the scheduled state, so new runs are created meanwhile.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SkipWhilePendingAttribute : JobFilterAttribute, IClientFilter
{
    public void OnCreating(CreatingContext context)
    {
        if (context.Job.Args.Count == 0 || context.Job.Args[0] is not string kpiName)
        {
            return;
        }

        var recurringJobId = KpiCheckJob.RecurringJobId(kpiName);
        var recurringJob = context.Connection.GetRecurringJobs([recurringJobId]).FirstOrDefault();
        if (recurringJob?.LastJobId is not { } lastJobId)
        {
            return;
        }

        var state = context.Connection.GetStateData(lastJobId)?.Name;
        if (state == EnqueuedState.StateName || state == ProcessingState.StateName)
        {
            context.Canceled = true;
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
