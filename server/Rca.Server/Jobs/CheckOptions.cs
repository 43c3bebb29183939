namespace Rca.Server.Jobs;

/// <summary>
/// Limits of the check job and the replay, bound from the <c>Checks</c> configuration section.
/// </summary>
internal sealed class CheckOptions
{
    public const string Section = "Checks";

    /// <summary>The most missed windows a scheduled run checks besides the latest one.</summary>
    public int MaxCatchUpWindows { get; set; } = 60;

    /// <summary>The most windows one replay request may cover.</summary>
    public int MaxReplayWindows { get; set; } = 1440;
}
