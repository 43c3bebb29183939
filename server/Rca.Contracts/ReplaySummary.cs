namespace Rca.Contracts;

/// <summary>
/// What a replay request did.
/// </summary>
/// <param name="Kpi">The KPI name.</param>
/// <param name="From">The start of the first window (UTC, aligned down to the interval).</param>
/// <param name="To">The end of the last window (UTC, exclusive).</param>
/// <param name="Windows">The number of windows in the range.</param>
/// <param name="AlreadyChecked">Windows kept as they are because an ok or anomalous check exists.</param>
/// <param name="Queued">Windows queued (or run) for checking.</param>
public sealed record ReplaySummary(string Kpi, DateTimeOffset From, DateTimeOffset To, int Windows, int AlreadyChecked, int Queued);
