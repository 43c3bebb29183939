namespace Rca.Contracts.Jobs;

/// <summary>
/// Reads the state of the background jobs and of the service's dependencies in process.
/// </summary>
public interface ISystemQueries
{
    /// <summary>Reads the recurring jobs, queue lengths and job counts.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job state, or the reason the job storage could not be read.</returns>
    Task<OperationResult<JobSystemStatus>> GetJobsAsync(CancellationToken cancellationToken);

    /// <summary>Pings every InfluxDB connection and queries the store, as <c>GET /readyz</c> does.</summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    Task<ReadinessReport> GetReadinessAsync(CancellationToken cancellationToken);
}
