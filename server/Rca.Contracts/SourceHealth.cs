namespace Rca.Contracts;

/// <summary>
/// The latest failure seen on one KPI source.
/// </summary>
/// <param name="Source">The source as <c>kind:connection/database</c>.</param>
/// <param name="Kpis">The KPIs whose latest check on this source failed.</param>
/// <param name="LastError">The error of the most recent failed check.</param>
/// <param name="FailedAt">When that check failed (UTC).</param>
public sealed record SourceHealth(string Source, IReadOnlyList<string> Kpis, string LastError, DateTimeOffset FailedAt);
