using Rca.Server.Kpis;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Support;

/// <summary>
/// A test-only KPI source over in-memory rows: per window start, per leaf, a numerator and a
/// denominator. Setting <see cref="Failure"/> makes every query throw it, as an unreachable store would.
/// </summary>
internal sealed class ScriptedKpiSource : IKpiSource
{
    private readonly Dictionary<DateTimeOffset, List<(string[] Leaf, double Numerator, double Denominator)>> _rows = [];

    public Exception? Failure { get; set; }

    public int QueryCount { get; private set; }

    /// <summary>The [from, to) range of every query, in order.</summary>
    public List<(DateTimeOffset From, DateTimeOffset To)> Queries { get; } = [];

    public void Add(DateTimeOffset windowStart, string[] leaf, double numerator, double denominator)
    {
        if (!_rows.TryGetValue(windowStart, out var rows))
        {
            _rows[windowStart] = rows = [];
        }

        rows.Add((leaf, numerator, denominator));
    }

    public Task<KpiSeries> QueryAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        QueryCount++;
        Queries.Add((from, to));
        if (Failure is not null)
        {
            throw Failure;
        }

        var windows = new List<DateTimeOffset>();
        for (var window = from; window < to; window += kpi.Interval)
        {
            windows.Add(window);
        }

        var leaves = new List<string[]>();
        var index = new Dictionary<string, int>();
        var values = new List<double[]>();
        var denominators = new List<double[]>();
        for (var w = 0; w < windows.Count; w++)
        {
            if (!_rows.TryGetValue(windows[w], out var rows))
            {
                continue;
            }

            foreach (var (leaf, numerator, denominator) in rows)
            {
                var key = string.Join('|', leaf);
                if (!index.TryGetValue(key, out var i))
                {
                    i = leaves.Count;
                    index[key] = i;
                    leaves.Add(leaf);
                    values.Add(new double[windows.Count]);
                    denominators.Add(new double[windows.Count]);
                }

                values[i][w] += numerator;
                denominators[i][w] += denominator;
            }
        }

        return Task.FromResult(new KpiSeries(
            kpi.Attributes, windows, leaves, [.. values], kpi.Measure == KpiMeasure.Ratio ? [.. denominators] : null));
    }
}
