using Rca.Contracts;
using Rca.Contracts.Calibration;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Serves fixed calibration models, trends and checks, and records which checks were fetched.
/// </summary>
internal sealed class FakeCalibrationQueries : ICalibrationQueries
{
    public List<CalibrationModelSummary> Models { get; } = [];

    public Dictionary<string, List<CalibrationTrendPoint>> Trends { get; } = [];

    public Dictionary<long, CalibrationCheckDetail> Checks { get; } = [];

    public List<long> FetchedChecks { get; } = [];

    public Task<IReadOnlyList<CalibrationModelSummary>> ListModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CalibrationModelSummary>>(Models);

    public Task<OperationResult<IReadOnlyList<CalibrationTrendPoint>>> ListTrendAsync(string model, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(OperationResult<IReadOnlyList<CalibrationTrendPoint>>.Success(Trends.TryGetValue(model, out var points) ? points : []));

    public Task<OperationResult<CalibrationCheckDetail>> GetCheckAsync(long id, CancellationToken cancellationToken)
    {
        FetchedChecks.Add(id);
        return Task.FromResult(Checks.TryGetValue(id, out var check)
            ? OperationResult<CalibrationCheckDetail>.Success(check)
            : OperationResult<CalibrationCheckDetail>.Failure($"No calibration check has id {id}."));
    }
}
