namespace Rca.Server.Jobs;

/// <summary>
/// Window arithmetic: windows start at multiples of the interval since the Unix epoch (UTC).
/// </summary>
internal static class WindowClock
{
    /// <summary>Returns the start of the window that contains <paramref name="time"/>.</summary>
    public static DateTimeOffset AlignDown(DateTimeOffset time, TimeSpan interval)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var aligned = ticks - (((ticks % interval.Ticks) + interval.Ticks) % interval.Ticks);
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + aligned, TimeSpan.Zero);
    }

    /// <summary>
    /// Returns the start of the latest window whose data is complete at <paramref name="now"/>:
    /// the window must have ended at least <paramref name="labelDelay"/> ago.
    /// </summary>
    public static DateTimeOffset LatestCompleteWindow(DateTimeOffset now, TimeSpan interval, TimeSpan labelDelay) =>
        AlignDown(now - labelDelay, interval) - interval;
}
