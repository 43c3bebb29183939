namespace Rca.Contracts;

/// <summary>
/// Tests, creates and updates KPI definitions in process, with the REST API's validator, so a
/// form shows the same per-field problems as a 400 response.
/// </summary>
public interface IKpiCommands
{
    /// <summary>Whether the dashboard may create and update KPIs; when false, every change is rejected. Testing a definition is allowed whenever this is true.</summary>
    bool CanChangeKpis { get; }

    /// <summary>Runs the definition's query for the latest complete window without saving anything.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Leaf count, totals and attribute values, the invalid fields, or the source's error.</returns>
    Task<FormResult<KpiTestResult>> TestAsync(KpiDefinitionInput definition, CancellationToken cancellationToken);

    /// <summary>Creates a KPI and schedules its check.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The created KPI, the invalid fields, or why it was rejected (for example, the name is taken).</returns>
    Task<FormResult<KpiSummary>> CreateAsync(KpiDefinitionInput definition, CancellationToken cancellationToken);

    /// <summary>Replaces the KPI named <see cref="KpiDefinitionInput.Name"/> and reschedules its check.</summary>
    /// <param name="definition">The definition; its name selects the KPI, which cannot be renamed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The updated KPI, the invalid fields, or why it was rejected (for example, no KPI has the name).</returns>
    Task<FormResult<KpiSummary>> UpdateAsync(KpiDefinitionInput definition, CancellationToken cancellationToken);
}
