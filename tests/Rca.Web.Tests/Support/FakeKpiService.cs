using Rca.Contracts;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Serves KPIs from a <see cref="FakeIncidentQueries"/>, fixed checks and definitions, and records
/// every test, create and update the form sends. It returns the results a test sets.
/// </summary>
internal sealed class FakeKpiService(FakeIncidentQueries queries) : IKpiQueries, IKpiCommands
{
    public bool CanChangeKpis { get; set; } = true;

    public Dictionary<string, List<KpiCheckDto>> Checks { get; } = [];

    public Dictionary<string, KpiDefinitionInput> Definitions { get; } = [];

    public FormResult<KpiTestResult> TestResult { get; set; } = FormResult<KpiTestResult>.Failure("No test result was set.");

    public FormResult<KpiSummary>? SaveResult { get; set; }

    public List<(string Action, KpiDefinitionInput Definition)> Submitted { get; } = [];

    public Task<OperationResult<KpiSummary>> GetAsync(string name, CancellationToken cancellationToken)
    {
        var kpi = queries.Kpis.Find(summary => summary.Name == name);
        return Task.FromResult(kpi is null ? OperationResult<KpiSummary>.Failure($"No KPI is named '{name}'.") : OperationResult<KpiSummary>.Success(kpi));
    }

    public Task<OperationResult<Page<KpiCheckDto>>> ListChecksAsync(string name, int offset, int limit, CancellationToken cancellationToken)
    {
        var checks = Checks.TryGetValue(name, out var list) ? list : [];
        var page = new Page<KpiCheckDto>([.. checks.Skip(offset).Take(limit)], checks.Count, offset, limit);
        return Task.FromResult(OperationResult<Page<KpiCheckDto>>.Success(page));
    }

    public Task<OperationResult<KpiDefinitionInput>> GetDefinitionAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Definitions.TryGetValue(name, out var definition)
            ? OperationResult<KpiDefinitionInput>.Success(definition)
            : OperationResult<KpiDefinitionInput>.Failure($"No KPI is named '{name}'."));

    public Task<FormResult<KpiTestResult>> TestAsync(KpiDefinitionInput definition, CancellationToken cancellationToken)
    {
        Submitted.Add(("test", definition));
        return Task.FromResult(TestResult);
    }

    public Task<FormResult<KpiSummary>> CreateAsync(KpiDefinitionInput definition, CancellationToken cancellationToken)
    {
        Submitted.Add(("create", definition));
        return Task.FromResult(SaveResult ?? FormResult<KpiSummary>.Success(Kpis.Summary(definition.Name)));
    }

    public Task<FormResult<KpiSummary>> UpdateAsync(KpiDefinitionInput definition, CancellationToken cancellationToken)
    {
        Submitted.Add(("update", definition));
        return Task.FromResult(SaveResult ?? FormResult<KpiSummary>.Success(Kpis.Summary(definition.Name)));
    }
}
