namespace Rca.Contracts.Calibration;

/// <summary>
/// Reads calibration models and their stored checks in process, with the same results as the
/// REST API's calibration endpoints.
/// </summary>
public interface ICalibrationQueries
{
    /// <summary>Lists the configured models with the check of each one's latest mature window.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CalibrationModelSummary>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>Returns the metrics of a model's latest checks, oldest window first.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="limit">The maximum number of checks, newest kept.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The points, or the reason they cannot be shown (for example, no model has the name).</returns>
    Task<OperationResult<IReadOnlyList<CalibrationTrendPoint>>> ListTrendAsync(string model, int limit, CancellationToken cancellationToken);

    /// <summary>Fetches one check with its reliability diagram and segments.</summary>
    /// <param name="id">The check id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<OperationResult<CalibrationCheckDetail>> GetCheckAsync(long id, CancellationToken cancellationToken);
}
