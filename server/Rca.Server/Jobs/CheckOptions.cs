namespace Rca.Server.Jobs;

/// <summary>
/// Limits of the check job and the replay, bound from the <c>Checks</c> configuration section.
/// </summary>
internal sealed class CheckOptions
{
    public const string Section = "Checks";

    /// <summary>The most missed windows a scheduled run checks besides the latest one.</summary>
    public int MaxCatchUpWindows { get; set; } = 60;

    /// <summary>The maximum number of windows one replay request may cover.</summary>
    public int MaxReplayWindows { get; set; } = 1440;

    /// <summary>
    /// The maximum number of window sums (leaves × cached windows, twice that for a ratio) the
    /// history cache keeps per KPI. A KPI above it reads its full range on every check, and 0
    /// turns the cache off.
    /// </summary>
    public long HistoryCacheMaxValues { get; set; } = 10_000_000;
}
