namespace Rca.Contracts;

/// <summary>
/// Reads stored incidents in process, with the same filters and results as the REST API's GET
/// endpoints. The dashboard uses it so that it never calls its own HTTP API.
/// </summary>
public interface IIncidentQueries
{
    /// <summary>Lists incidents that match <paramref name="query"/>, newest window first.</summary>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, or the reason a filter was rejected.</returns>
    Task<OperationResult<Page<IncidentSummary>>> ListAsync(IncidentQuery query, CancellationToken cancellationToken);

    /// <summary>Lists the configured KPIs with their attributes and latest check.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<KpiSummary>> ListKpisAsync(CancellationToken cancellationToken);

    /// <summary>Fetches one incident with its root-cause sets and the KPI total around its window.</summary>
    /// <param name="id">The incident id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The incident, or the reason it cannot be shown (for example, no incident has the id).</returns>
    Task<OperationResult<IncidentDetail>> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Groups the leaves of an incident's window by the given attributes.</summary>
    /// <param name="id">The incident id.</param>
    /// <param name="attributes">The attributes that make a cell.</param>
    /// <param name="limit">The maximum number of cells, largest |forecast − actual| first.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cells, or the reason they cannot be computed (for example, no stored leaf table).</returns>
    Task<OperationResult<DrilldownResult>> DrilldownAsync(long id, IReadOnlyList<string> attributes, int limit, CancellationToken cancellationToken);
}
