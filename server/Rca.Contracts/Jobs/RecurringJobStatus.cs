namespace Rca.Contracts.Jobs;

/// <summary>
/// One recurring job as the job storage records it.
/// </summary>
/// <param name="Id">The recurring job id, such as <c>kpi:failure-rate</c>.</param>
/// <param name="Cron">The cron expression.</param>
/// <param name="Queue">The queue its runs go to.</param>
/// <param name="LastRun">When it last ran (UTC); null before the first run.</param>
/// <param name="LastState">The state of the last run's job, such as <c>Succeeded</c> or <c>Failed</c>; null when unknown.</param>
/// <param name="NextRun">When it runs next (UTC); null when it is not scheduled.</param>
/// <param name="Error">Why the job could not be scheduled or loaded; null when it can.</param>
public sealed record RecurringJobStatus(
    string Id,
    string Cron,
    string? Queue,
    DateTimeOffset? LastRun,
    string? LastState,
    DateTimeOffset? NextRun,
    string? Error);
