using Hangfire;

namespace Rca.Server.Notifications;

/// <summary>
/// The Hangfire entry point of the dispatcher: a recurring job (<c>Notifications:DispatchSchedule</c>)
/// plus one run queued right after a save that adds outbox messages.
/// </summary>
internal sealed class NotificationDispatchJob(NotificationDispatcher dispatcher)
{
    public const string RecurringJobId = "notifications-dispatch";

    // Failed deliveries are retried by the outbox's own schedule, not by Hangfire.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
