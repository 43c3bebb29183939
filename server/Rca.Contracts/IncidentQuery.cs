namespace Rca.Contracts;

/// <summary>
/// The filters and page of an incident list, newest window first.
/// </summary>
/// <param name="Kpi">The KPI name to keep, or null for every KPI.</param>
/// <param name="Status">The status to keep (<c>open</c>, <c>acknowledged</c>, <c>resolved</c>), or null for every status.</param>
/// <param name="Text">Text matched against the KPI name and the root cause, or null.</param>
/// <param name="Offset">The number of incidents to skip.</param>
/// <param name="Limit">The maximum number of incidents to return.</param>
public sealed record IncidentQuery(string? Kpi, string? Status, string? Text, int Offset, int Limit);
