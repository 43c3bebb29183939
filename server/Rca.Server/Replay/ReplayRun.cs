using Rca.Contracts;
using Rca.Server.Storage;

namespace Rca.Server.Replay;

/// <summary>
/// What an in-process replay did: the summary and the outcome of every window in the range.
/// </summary>
/// <param name="Summary">The counts, as the replay API returns them.</param>
/// <param name="Windows">Every window of the range, oldest first.</param>
internal sealed record ReplayRun(ReplaySummary Summary, IReadOnlyList<ReplayWindowResult> Windows)
{
    /// <summary>The number of windows whose check failed.</summary>
    public int Failed => Windows.Count(window => window.Status == CheckStatus.Failed);
}

/// <summary>
/// The outcome of one replayed window.
/// </summary>
/// <param name="WindowStart">The window start (UTC).</param>
/// <param name="Status"><c>ok</c>, <c>anomalous</c>, <c>no_data</c> or <c>failed</c>.</param>
/// <param name="Kept">Whether an earlier ok or anomalous check was kept and nothing ran.</param>
/// <param name="IncidentId">The incident of the window, if any.</param>
/// <param name="RootCause">The incident's root cause, if any.</param>
/// <param name="Error">The error of a failed check.</param>
internal sealed record ReplayWindowResult(DateTimeOffset WindowStart, string Status, bool Kept, long? IncidentId, string? RootCause, string? Error);
