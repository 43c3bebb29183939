namespace Rca.Server.Sources;

/// <summary>
/// The windows of one query: starts at <c>from</c>, steps by the KPI interval, and covers every
/// window that starts before <c>to</c>. All times are whole Unix milliseconds.
/// </summary>
internal readonly record struct KpiWindowGrid(long FromMs, long IntervalMs, int Count)
{
    /// <summary>The end of the last window, which may lie after <c>to</c> so the last window is complete.</summary>
    public long EndMs => FromMs + IntervalMs * Count;

    /// <summary>The offset of the windows from the Unix epoch grid of the interval, in [0, interval).</summary>
    public long OffsetMs => ((FromMs % IntervalMs) + IntervalMs) % IntervalMs;

    /// <summary>
    /// Builds the grid for windows starting in [<paramref name="from"/>, <paramref name="to"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The interval is not a positive whole number of milliseconds, <paramref name="from"/> is not a whole millisecond, or <paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static KpiWindowGrid Create(TimeSpan interval, DateTimeOffset from, DateTimeOffset to)
    {
        if (interval <= TimeSpan.Zero || interval.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException($"The KPI interval must be a positive whole number of milliseconds, but is {interval}.", nameof(interval));
        }

        if (from.UtcTicks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException($"The start {from:O} must be a whole millisecond.", nameof(from));
        }

        if (to <= from)
        {
            throw new ArgumentException($"The end {to:O} must be after the start {from:O}.", nameof(to));
        }

        var intervalMs = interval.Ticks / TimeSpan.TicksPerMillisecond;
        var spanTicks = (to - from).Ticks;
        var count = (spanTicks + interval.Ticks - 1) / interval.Ticks;
        if (count > int.MaxValue)
        {
            throw new ArgumentException($"The range {from:O} to {to:O} has {count} windows of {interval}; at most {int.MaxValue} are supported.", nameof(to));
        }

        return new KpiWindowGrid(from.ToUnixTimeMilliseconds(), intervalMs, (int)count);
    }

    /// <summary>Returns the index of the window that starts at <paramref name="startMs"/>, or -1 when no window starts there.</summary>
    public int IndexOf(long startMs)
    {
        var delta = startMs - FromMs;
        if (delta < 0 || delta % IntervalMs != 0)
        {
            return -1;
        }

        var index = delta / IntervalMs;
        return index < Count ? (int)index : -1;
    }

    /// <summary>Returns the start of every window, in UTC.</summary>
    public DateTimeOffset[] WindowStarts()
    {
        var starts = new DateTimeOffset[Count];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = DateTimeOffset.FromUnixTimeMilliseconds(FromMs + i * IntervalMs);
        }

        return starts;
    }
}
