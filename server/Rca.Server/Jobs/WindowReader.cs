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
    /// slots are the <c>BaselineWindows + History</c> windows before it, read in one query; for
    /// seasonal-median they are the same window one season back, <c>History</c> times, one query each.
    /// </summary>
    public static async Task<WindowData> ReadAsync(IKpiSource source, KpiDefinition kpi, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var interval = kpi.Interval;
        var ratio = kpi.Measure == KpiMeasure.Ratio;
        var leafIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var leaves = new List<string[]>();
        var numerators = new List<double[]>();
        var denominators = new List<double[]>();

        DateTimeOffset[] slotStarts;
        if (LeafForecasterFactory.ReadsContiguousHistory(kpi.Forecast))
        {
            var slots = kpi.Detection.BaselineWindows + kpi.Forecast.History + 1;
            var from = windowStart - (interval * (slots - 1));
            slotStarts = [.. Enumerable.Range(0, slots).Select(i => from + (interval * i))];
            var series = await source.QueryAsync(kpi, from, windowStart + interval, cancellationToken);
            Merge(series);
        }
        else
        {
            var seasons = kpi.Forecast.History;
            slotStarts = [.. Enumerable.Range(0, seasons + 1).Select(i => windowStart - (kpi.Forecast.Season * (seasons - i)))];
            foreach (var start in slotStarts)
            {
                Merge(await source.QueryAsync(kpi, start, start + interval, cancellationToken));
            }
        }

        return new WindowData([.. leaves], [.. numerators], ratio ? [.. denominators] : null, slotStarts.Length);

        void Merge(KpiSeries series)
        {
            if (series.Attributes.Count != kpi.Attributes.Count)
            {
                throw new InvalidOperationException(
                    $"The source returned {series.Attributes.Count} attributes for KPI '{kpi.Name}', expected {kpi.Attributes.Count} ({string.Join(", ", kpi.Attributes)}).");
            }

            if (ratio && series.Denominators is null)
            {
                throw new InvalidOperationException($"The source returned no denominators for ratio KPI '{kpi.Name}'.");
            }

            var slotOfWindow = new int[series.WindowStarts.Count];
            for (var w = 0; w < slotOfWindow.Length; w++)
            {
                slotOfWindow[w] = Array.IndexOf(slotStarts, series.WindowStarts[w]);
            }

            for (var leaf = 0; leaf < series.Leaves.Count; leaf++)
            {
                var values = series.Leaves[leaf];
                var key = string.Join('\u001f', values);
                if (!leafIndex.TryGetValue(key, out var index))
                {
                    index = leaves.Count;
                    leafIndex.Add(key, index);
                    leaves.Add(values);
                    numerators.Add(new double[slotStarts.Length]);
                    denominators.Add(new double[slotStarts.Length]);
                }

                for (var w = 0; w < slotOfWindow.Length; w++)
                {
                    var slot = slotOfWindow[w];
                    if (slot < 0)
                    {
                        continue;
                    }

                    numerators[index][slot] += series.Values[leaf][w];
                    if (ratio)
                    {
                        denominators[index][slot] += series.Denominators![leaf][w];
                    }
                }
            }
        }
    }
}
