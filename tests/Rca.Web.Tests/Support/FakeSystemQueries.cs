using Rca.Contracts;
using Rca.Contracts.Jobs;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Serves a fixed job state and readiness report.
/// </summary>
internal sealed class FakeSystemQueries : ISystemQueries
{
    public OperationResult<JobSystemStatus> Jobs { get; set; } = OperationResult<JobSystemStatus>.Failure("No job state was set.");

    public ReadinessReport Readiness { get; set; } = new("ready", []);

    public Task<OperationResult<JobSystemStatus>> GetJobsAsync(CancellationToken cancellationToken) => Task.FromResult(Jobs);

    public Task<ReadinessReport> GetReadinessAsync(CancellationToken cancellationToken) => Task.FromResult(Readiness);
}
