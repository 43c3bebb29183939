namespace Rca.Contracts;

/// <summary>
/// The leaf-level data of an incident's window, grouped by chosen attributes or filtered to one
/// attribute combination.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Attributes">The attributes of each cell's values.</param>
/// <param name="Combination">The combination the leaves were filtered to, or null.</param>
/// <param name="TotalCells">The number of cells before <paramref name="Limit"/> was applied.</param>
/// <param name="Limit">The maximum number of cells returned, largest |forecast − actual| first.</param>
/// <param name="Cells">The cells.</param>
public sealed record DrilldownResult(
    long IncidentId,
    IReadOnlyList<string> Attributes,
    string? Combination,
    int TotalCells,
    int Limit,
    IReadOnlyList<DrilldownCell> Cells);
