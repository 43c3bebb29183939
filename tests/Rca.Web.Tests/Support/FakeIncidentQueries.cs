using Rca.Contracts;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Serves fixed incidents and records every query the components send.
/// </summary>
internal sealed class FakeIncidentQueries : IIncidentQueries
{
    public List<IncidentSummary> Incidents { get; } = [];

    public Dictionary<long, IncidentDetail> Details { get; } = [];

    public List<KpiSummary> Kpis { get; } = [];

    public DrilldownResult? Drilldown { get; set; }

    public List<IncidentQuery> ListQueries { get; } = [];

    public List<IReadOnlyList<string>> DrilldownRequests { get; } = [];

    public Task<OperationResult<Page<IncidentSummary>>> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        ListQueries.Add(query);
        var matches = Incidents
            .Where(incident => query.Kpi is null || incident.Kpi == query.Kpi)
            .Where(incident => query.Status is null || incident.Status == query.Status)
            .Where(incident => query.Text is null || incident.Kpi.Contains(query.Text, StringComparison.Ordinal) || incident.RootCause.Contains(query.Text, StringComparison.Ordinal))
            .ToList();
        var page = new Page<IncidentSummary>([.. matches.Skip(query.Offset).Take(query.Limit)], matches.Count, query.Offset, query.Limit);
        return Task.FromResult(OperationResult<Page<IncidentSummary>>.Success(page));
    }

    public Task<IReadOnlyList<KpiSummary>> ListKpisAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KpiSummary>>(Kpis);

    public Task<OperationResult<IncidentDetail>> GetAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(Details.TryGetValue(id, out var detail)
            ? OperationResult<IncidentDetail>.Success(detail)
            : OperationResult<IncidentDetail>.Failure($"No incident has id {id}."));

    public Task<OperationResult<DrilldownResult>> DrilldownAsync(long id, IReadOnlyList<string> attributes, int limit, CancellationToken cancellationToken)
    {
        DrilldownRequests.Add(attributes);
        return Task.FromResult(Drilldown is { } result
            ? OperationResult<DrilldownResult>.Success(result)
            : OperationResult<DrilldownResult>.Failure($"Incident {id} has no stored leaf table."));
    }
}
