using Rca.Server.Kpis;
using Rca.Server.Sources;

namespace Rca.Server.Jobs;

/// <summary>
/// Reads a checked window and the history its forecast and baseline need from a KPI source.
/// </summary>
internal static class WindowReader
{
    /// <summary>
    /// Returns the slots for <paramref name="windowStart"/>. For contiguous forecast methods the
    /// slots are the <c>BaselineWindows + History</c> windows before it. With a
    /// <paramref name="history"/> lease only the slots it lacks are queried, from the first
    /// missing one on, and the read windows are stored in it; without one the whole range is
    /// read in one query. For seasonal-median the slots are the same window one season back,
    /// <c>History</c> times, one query each, and no history is used.
    /// </summary>
    /// <remarks>
    /// The result depends only on the sums of the slots, not on how they were read: it keeps the
    /// leaves with a non-zero value in some slot, ordered by their key.
    /// </remarks>
    public static async Task<WindowData> ReadAsync(
        IKpiSource source, KpiDefinition kpi, DateTimeOffset windowStart, KpiWindowHistory.Lease? history, CancellationToken cancellationToken)
    {
        var interval = kpi.Interval;
        var leaves = history?.Leaves ?? new Dictionary<string, (string Key, string[] Values)>(StringComparer.Ordinal);
        WindowSums[] slots;
        if (LeafForecasterFactory.ReadsContiguousHistory(kpi.Forecast))
        {
            var count = kpi.Detection.BaselineWindows + kpi.Forecast.History + 1;
            var from = windowStart - (interval * (count - 1));
            slots = new WindowSums[count];
            var firstMissing = 0;
            while (history is not null && firstMissing < count && history.Get(from + (interval * firstMissing)) is { } cached)
            {
                slots[firstMissing] = cached;
                firstMissing++;
            }

            if (firstMissing < count)
            {
                var series = await source.QueryAsync(kpi, from + (interval * firstMissing), windowStart + interval, cancellationToken);
                var read = Split(kpi, series, leaves);
                for (var slot = firstMissing; slot < count; slot++)
                {
                    slots[slot] = read.GetValueOrDefault(from + (interval * slot)) ?? Empty(kpi, from + (interval * slot));
                }

                history?.Store(slots[firstMissing..], keepFrom: from);
            }
        }
        else
        {
            var seasons = kpi.Forecast.History;
            slots = new WindowSums[seasons + 1];
            for (var i = 0; i <= seasons; i++)
            {
                var start = windowStart - (kpi.Forecast.Season * (seasons - i));
                var read = Split(kpi, await source.QueryAsync(kpi, start, start + interval, cancellationToken), leaves);
                slots[i] = read.GetValueOrDefault(start) ?? Empty(kpi, start);
            }
        }

        return Assemble(kpi, slots, leaves);
    }

    // Splits a query result into one WindowSums per window, keeping non-zero leaves only, and
    // registers each leaf's attribute values under its key.
    private static Dictionary<DateTimeOffset, WindowSums> Split(KpiDefinition kpi, KpiSeries series, Dictionary<string, (string Key, string[] Values)> leaves)
    {
        if (series.Attributes.Count != kpi.Attributes.Count)
        {
            throw new InvalidOperationException(
                $"The source returned {series.Attributes.Count} attributes for KPI '{kpi.Name}', expected {kpi.Attributes.Count} ({string.Join(", ", kpi.Attributes)}).");
        }

        var ratio = kpi.Measure == KpiMeasure.Ratio;
        if (ratio && series.Denominators is null)
        {
            throw new InvalidOperationException($"The source returned no denominators for ratio KPI '{kpi.Name}'.");
        }

        var keys = new string[series.Leaves.Count];
        for (var leaf = 0; leaf < keys.Length; leaf++)
        {
            var key = string.Join(WindowSums.KeySeparator, series.Leaves[leaf]);
            if (leaves.TryGetValue(key, out var known))
            {
                // The stored key instance, so that cached windows share one string per leaf.
                keys[leaf] = known.Key;
            }
            else
            {
                leaves.Add(key, (key, series.Leaves[leaf]));
                keys[leaf] = key;
            }
        }

        var windows = new Dictionary<DateTimeOffset, WindowSums>(series.WindowStarts.Count);
        for (var w = 0; w < series.WindowStarts.Count; w++)
        {
            var windowKeys = new List<string>();
            var numerators = new List<double>();
            var denominators = ratio ? new List<double>() : null;
            for (var leaf = 0; leaf < keys.Length; leaf++)
            {
                var numerator = series.Values[leaf][w];
                var denominator = ratio ? series.Denominators![leaf][w] : 0;
                if (numerator == 0 && denominator == 0)
                {
                    continue;
                }

                windowKeys.Add(keys[leaf]);
                numerators.Add(numerator);
                denominators?.Add(denominator);
            }

            var start = series.WindowStarts[w];
            windows[start] = new WindowSums(start, [.. windowKeys], [.. numerators], denominators is null ? null : [.. denominators]);
        }

        return windows;
    }

    private static WindowSums Empty(KpiDefinition kpi, DateTimeOffset start) =>
        new(start, [], [], kpi.Measure == KpiMeasure.Ratio ? [] : null);

    private static WindowData Assemble(KpiDefinition kpi, WindowSums[] slots, Dictionary<string, (string Key, string[] Values)> leaves)
    {
        var ratio = kpi.Measure == KpiMeasure.Ratio;
        var keySet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            keySet.UnionWith(slot.Keys);
        }

        var keys = keySet.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        var leafValues = new string[keys.Length][];
        var numerators = new double[keys.Length][];
        var denominators = ratio ? new double[keys.Length][] : null;
        for (var leaf = 0; leaf < keys.Length; leaf++)
        {
            index.Add(keys[leaf], leaf);
            leafValues[leaf] = leaves[keys[leaf]].Values;
            numerators[leaf] = new double[slots.Length];
            if (denominators is not null)
            {
                denominators[leaf] = new double[slots.Length];
            }
        }

        for (var slot = 0; slot < slots.Length; slot++)
        {
            var window = slots[slot];
            for (var i = 0; i < window.Keys.Length; i++)
            {
                var leaf = index[window.Keys[i]];
                numerators[leaf][slot] = window.Numerators[i];
                if (denominators is not null)
                {
                    denominators[leaf][slot] = window.Denominators![i];
                }
            }
        }

        return new WindowData(leafValues, numerators, denominators, slots.Length);
    }
}
