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
/// 200-KPI load run). Skipping loses no window: a run checks every window since the last ok,
/// anomalous or no_data check, and <see cref="KpiCheckJob.RunScheduledAsync"/> checks the windows that
/// became due while it ran before it returns. The id of the last created run is kept in a
/// storage hash of its own, because Hangfire 1.8 clears the recurring job's <c>LastJobId</c>
/// when a filter cancels a creation. Servers that share the storage therefore share the rule.
/// A run that failed and waits for a retry is in the scheduled state, so new runs are created
/// meanwhile.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SkipWhilePendingAttribute : JobFilterAttribute, IClientFilter
{
    private const string JobIdField = "JobId";

    /// <summary>The storage hash that contains the id of a KPI's last created scheduled run.</summary>
    public static string PendingHashKey(string kpiName) => "rca:kpi-check-run:" + kpiName;

    public void OnCreating(CreatingContext context)
    {
        if (KpiName(context.Job) is not { } kpiName)
        {
            return;
        }

        var entries = context.Connection.GetAllEntriesFromHash(PendingHashKey(kpiName));
        if (entries is null || !entries.TryGetValue(JobIdField, out var lastJobId) || string.IsNullOrEmpty(lastJobId))
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
        if (context.Canceled || context.BackgroundJob?.Id is not { } jobId || KpiName(context.Job) is not { } kpiName)
        {
            return;
        }

        using var transaction = context.Connection.CreateWriteTransaction();
        transaction.SetRangeInHash(PendingHashKey(kpiName), [new KeyValuePair<string, string>(JobIdField, jobId)]);
        transaction.Commit();
    }

    private static string? KpiName(Job job) => job.Args.Count > 0 ? job.Args[0] as string : null;
}
