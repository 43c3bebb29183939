namespace Rca.Contracts;

/// <summary>
/// The latest failure seen on one KPI source: a failed check or a window without data.
/// </summary>
/// <param name="Source">The source as <c>kind:connection/database</c>.</param>
/// <param name="Kpis">The KPIs whose latest check on this source failed or found no data.</param>
/// <param name="LastError">The error of the most recent such check. For a <c>no_data</c> check it is a message that names the KPI and the window.</param>
/// <param name="FailedAt">When that check ran (UTC).</param>
public sealed record SourceHealth(string Source, IReadOnlyList<string> Kpis, string LastError, DateTimeOffset FailedAt);
