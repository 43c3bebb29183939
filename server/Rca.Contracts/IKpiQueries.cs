namespace Rca.Contracts;

/// <summary>
/// Reads KPI definitions and their checks in process, with the same results as the REST API's
/// KPI endpoints.
/// </summary>
public interface IKpiQueries
{
    /// <summary>Fetches one KPI with its latest check.</summary>
    /// <param name="name">The KPI name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The KPI, or the reason it cannot be shown (for example, no KPI has the name).</returns>
    Task<OperationResult<KpiSummary>> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Lists the checks of one KPI, newest window first.</summary>
    /// <param name="name">The KPI name.</param>
    /// <param name="offset">The number of checks to skip.</param>
    /// <param name="limit">The maximum number of checks.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<OperationResult<Page<KpiCheckDto>>> ListChecksAsync(string name, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Fetches a KPI definition in the form's shape, for editing.</summary>
    /// <param name="name">The KPI name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<OperationResult<KpiDefinitionInput>> GetDefinitionAsync(string name, CancellationToken cancellationToken);
}
