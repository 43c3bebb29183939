using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rca.Server.Storage;

namespace Rca.Server.Notifications;

/// <summary>
/// Queues a dispatcher run after a save that added outbox messages, so notifications leave
/// within seconds instead of at the next recurring run.
/// </summary>
internal sealed class OutboxSaveInterceptor(IBackgroundJobClient jobs, ILogger<OutboxSaveInterceptor> logger) : SaveChangesInterceptor
{
    private int _added;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _added = eventData.Context?.ChangeTracker.Entries<OutboxMessageRecord>().Count(e => e.State == EntityState.Added) ?? 0;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_added > 0)
        {
            // A check saves inside a transaction; a run that starts before the commit finds
            // nothing and the recurring run sends the message instead.
            _added = 0;
            try
            {
                jobs.Enqueue<NotificationDispatchJob>(job => job.RunAsync(CancellationToken.None));
            }
            catch (Exception error) when (error is InvalidOperationException or BackgroundJobClientException)
            {
                logger.LogWarning(error, "Could not queue the notification dispatcher; the recurring run will send the messages");
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
