using Rca.Server.Kpis;
using Rca.Server.Sources;

namespace Rca.Server.Jobs;

/// <summary>
/// Reads a checked window and the history its forecast and baseline need from a KPI source.
/// </summary>
internal static class WindowReader
{
    /// <summary>
    /// Returns the data for <paramref name="windowStart"/>. For contiguous forecast methods the
    /// leaf slots are the <c>History</c> windows before it and the window itself, and the
    /// <c>BaselineWindows</c> windows before those are read as totals only, because the baseline
    /// test needs nothing else. With a <paramref name="history"/> lease only the windows it lacks
    /// are queried (leaves from the first missing leaf slot on, totals over the span of missing
    /// baseline slots), and the read windows are stored in it. Without one the leaf slots and
    /// the baseline totals are read in one query each. The two queries run concurrently. For
    /// seasonal-median the leaf slots are the same window one season back, <c>History</c> times,
    /// one query each, no baseline is read and no history is used.
    /// </summary>
    /// <remarks>
    /// The leaves are those with a non-zero value in some leaf slot, ordered by their key. The
    /// total of a leaf slot is the sum of its leaves in that order. The total of a baseline slot
    /// comes from the source's total query or, once the window has left the leaf slots of a
    /// cached KPI, from the sum of its cached leaves. NOTE: for values that are not whole numbers
    /// the two sums may differ in the last bits, because the store adds in another order. Only
    /// the baseline residuals use them.
    /// </remarks>
    public static async Task<WindowData> ReadAsync(
        IKpiSource source, KpiDefinition kpi, DateTimeOffset windowStart, KpiWindowHistory.Lease? history, CancellationToken cancellationToken)
    {
        var leaves = history?.Leaves ?? new Dictionary<string, (string Key, string[] Values)>(StringComparer.Ordinal);
        if (!LeafForecasterFactory.ReadsContiguousHistory(kpi.Forecast))
        {
            return await ReadSeasonsAsync(source, kpi, windowStart, leaves, cancellationToken);
        }

        var interval = kpi.Interval;
        var leafCount = kpi.Forecast.History + 1;
        var baselineCount = kpi.Detection.BaselineWindows;
        var leafFrom = windowStart - (interval * (leafCount - 1));
        var baselineFrom = leafFrom - (interval * baselineCount);

        var slots = new WindowSums[leafCount];
        var firstMissing = 0;
        while (history is not null && firstMissing < leafCount && history.Get(leafFrom + (interval * firstMissing)) is { } cached)
        {
            slots[firstMissing] = cached;
            firstMissing++;
        }

        var baseline = new WindowTotal?[baselineCount];
        int firstMissingTotal = -1, lastMissingTotal = -1;
        for (var slot = 0; slot < baselineCount; slot++)
        {
            baseline[slot] = history?.GetTotal(baselineFrom + (interval * slot));
            if (baseline[slot] is null)
            {
                firstMissingTotal = firstMissingTotal < 0 ? slot : firstMissingTotal;
                lastMissingTotal = slot;
            }
        }

        var leafQuery = firstMissing < leafCount
            ? source.QueryAsync(kpi, leafFrom + (interval * firstMissing), windowStart + interval, cancellationToken)
            : null;
        var totalQuery = firstMissingTotal >= 0
            ? source.QueryTotalsAsync(kpi, baselineFrom + (interval * firstMissingTotal), baselineFrom + (interval * (lastMissingTotal + 1)), cancellationToken)
            : null;
        await Task.WhenAll(leafQuery ?? Task.CompletedTask, totalQuery ?? Task.CompletedTask);

        var readWindows = new List<WindowSums>(leafCount - firstMissing);
        var readTotals = new List<WindowTotal>(leafCount);
        if (leafQuery is not null)
        {
            var read = Split(kpi, await leafQuery, leaves);
            for (var slot = firstMissing; slot < leafCount; slot++)
            {
                var start = leafFrom + (interval * slot);
                slots[slot] = read.GetValueOrDefault(start) ?? Empty(kpi, start);
                readWindows.Add(slots[slot]);
                readTotals.Add(WindowTotal.Of(slots[slot]));
            }
        }

        if (totalQuery is not null)
        {
            var read = SplitTotals(kpi, await totalQuery);
            for (var slot = firstMissingTotal; slot <= lastMissingTotal; slot++)
            {
                var start = baselineFrom + (interval * slot);
                if (baseline[slot] is null)
                {
                    baseline[slot] = read.GetValueOrDefault(start) ?? new WindowTotal(start, 0, 0);
                    readTotals.Add(baseline[slot]!);
                }
            }
        }

        history?.Store(readWindows, readTotals, keepLeavesFrom: leafFrom, keepTotalsFrom: baselineFrom);
        return Assemble(kpi, slots, baseline!, leaves);
    }

    private static async Task<WindowData> ReadSeasonsAsync(
        IKpiSource source, KpiDefinition kpi, DateTimeOffset windowStart, Dictionary<string, (string Key, string[] Values)> leaves, CancellationToken cancellationToken)
    {
        var seasons = kpi.Forecast.History;
        var slots = new WindowSums[seasons + 1];
        for (var i = 0; i <= seasons; i++)
        {
            var start = windowStart - (kpi.Forecast.Season * (seasons - i));
            var read = Split(kpi, await source.QueryAsync(kpi, start, start + kpi.Interval, cancellationToken), leaves);
            slots[i] = read.GetValueOrDefault(start) ?? Empty(kpi, start);
        }

        return Assemble(kpi, slots, [], leaves);
    }

    private static Dictionary<DateTimeOffset, WindowTotal> SplitTotals(KpiDefinition kpi, KpiTotals totals)
    {
        if (totals.Numerators.Length != totals.WindowStarts.Count || (kpi.Measure == KpiMeasure.Ratio && totals.Denominators is null))
        {
            throw new InvalidOperationException(
                $"The source returned totals for {totals.WindowStarts.Count} windows with {totals.Numerators.Length} numerators{(totals.Denominators is null ? " and no denominators" : "")} for KPI '{kpi.Name}'; expected one numerator{(kpi.Measure == KpiMeasure.Ratio ? " and one denominator" : "")} per window.");
        }

        var windows = new Dictionary<DateTimeOffset, WindowTotal>(totals.WindowStarts.Count);
        for (var w = 0; w < totals.WindowStarts.Count; w++)
        {
            var start = totals.WindowStarts[w];
            windows[start] = new WindowTotal(start, totals.Numerators[w], totals.Denominators?[w] ?? 0);
        }

        return windows;
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

    private static WindowData Assemble(KpiDefinition kpi, WindowSums[] slots, WindowTotal[] baseline, Dictionary<string, (string Key, string[] Values)> leaves)
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

        var totalNumerators = new double[baseline.Length + slots.Length];
        var totalDenominators = ratio ? new double[totalNumerators.Length] : null;
        for (var slot = 0; slot < baseline.Length; slot++)
        {
            totalNumerators[slot] = baseline[slot].Numerator;
            if (totalDenominators is not null)
            {
                totalDenominators[slot] = baseline[slot].Denominator;
            }
        }

        AddLeafTotals(numerators, totalNumerators, baseline.Length);
        if (denominators is not null)
        {
            AddLeafTotals(denominators, totalDenominators!, baseline.Length);
        }

        return new WindowData(leafValues, numerators, denominators, slots.Length, totalNumerators, totalDenominators);
    }

    // Sums the leaves per slot into totals[offset + slot], leaf by leaf in key order.
    private static void AddLeafTotals(double[][] values, double[] totals, int offset)
    {
        foreach (var leaf in values)
        {
            for (var slot = 0; slot < leaf.Length; slot++)
            {
                totals[offset + slot] += leaf[slot];
            }
        }
    }
}
