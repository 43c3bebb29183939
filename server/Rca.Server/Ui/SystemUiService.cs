using Hangfire;
using Hangfire.Storage;
using Rca.Contracts;
using Rca.Contracts.Jobs;
using Rca.Server.Health;

namespace Rca.Server.Ui;

/// <summary>
/// Serves the dashboard's system page: the job state from Hangfire's monitoring API and storage
/// connection, and the readiness probe behind <c>GET /readyz</c>.
/// </summary>
internal sealed class SystemUiService(JobStorage storage, ReadinessProbe probe, ILogger<SystemUiService> logger) : ISystemQueries
{
    public async Task<OperationResult<JobSystemStatus>> GetJobsAsync(CancellationToken cancellationToken)
    {
        // Hangfire's storage API is synchronous, so a thread-pool thread runs it and the circuit
        // stays responsive while SQLite or PostgreSQL storage responds.
        try
        {
            return OperationResult<JobSystemStatus>.Success(await Task.Run(ReadJobs, cancellationToken));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Reading the job storage for the dashboard failed");
            return OperationResult<JobSystemStatus>.Failure($"The job storage could not be read: {error.Message}");
        }
    }

    public Task<ReadinessReport> GetReadinessAsync(CancellationToken cancellationToken) => probe.ProbeAsync(cancellationToken);

    private JobSystemStatus ReadJobs()
    {
        var monitoring = storage.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        var queues = monitoring.Queues()
            .OrderBy(queue => queue.Name, StringComparer.Ordinal)
            .Select(queue => new JobQueueStatus(queue.Name, queue.Length, queue.Fetched))
            .ToList();

        List<RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
        {
            recurring = connection.GetRecurringJobs();
        }

        var jobs = recurring
            .OrderBy(job => job.Id, StringComparer.Ordinal)
            .Select(job => new RecurringJobStatus(
                job.Id,
                job.Cron,
                job.Queue,
                Utc(job.LastExecution),
                job.LastJobState,
                Utc(job.NextExecution),
                job.Error ?? job.LoadException?.Message))
            .ToList();

        return new JobSystemStatus(
            jobs, queues, statistics.Servers, statistics.Enqueued, statistics.Scheduled, statistics.Processing, statistics.Succeeded, statistics.Failed);
    }

    // Hangfire returns UTC times with an unspecified kind.
    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
