namespace Rca.Contracts.Jobs;

/// <summary>
/// The state of the background jobs, read from the job storage's monitoring API.
/// </summary>
/// <param name="RecurringJobs">The recurring jobs, by id.</param>
/// <param name="Queues">The queues with their lengths.</param>
/// <param name="Servers">The job servers that reported a heartbeat.</param>
/// <param name="Enqueued">Jobs waiting in all queues.</param>
/// <param name="Scheduled">Jobs scheduled for later.</param>
/// <param name="Processing">Jobs running now.</param>
/// <param name="Succeeded">Jobs that succeeded and are still kept.</param>
/// <param name="Failed">Jobs that failed and were not retried or deleted.</param>
public sealed record JobSystemStatus(
    IReadOnlyList<RecurringJobStatus> RecurringJobs,
    IReadOnlyList<JobQueueStatus> Queues,
    long Servers,
    long Enqueued,
    long Scheduled,
    long Processing,
    long Succeeded,
    long Failed);
