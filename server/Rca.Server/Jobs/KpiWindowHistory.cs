using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// The per-leaf window sums that scheduled checks have read recently, kept in memory per KPI so
/// that the next scheduled check queries only the windows it has not read yet.
/// </summary>
/// <remarks>
/// A KPI keeps the per-leaf sums of the windows its forecast reads (<c>History + 1</c>) and the
/// totals of those and of the <c>BaselineWindows</c> before them. It keeps nothing once its
/// leaves times cached windows exceed <see cref="CheckOptions.HistoryCacheMaxValues"/>.
/// A changed query definition (source, measurement, fields, attributes, interval) drops the
/// KPI's windows. The sums of a window are taken as final once read: a point written later for
/// a cached window is seen only by a replay or after a restart, which read the full range.
/// </remarks>
internal sealed class KpiWindowHistory(IOptions<CheckOptions> options)
{
    private readonly ConcurrentDictionary<string, KpiHistory> _kpis = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the history of <paramref name="kpi"/> with its lock held; the caller disposes the
    /// lease to release it. Scheduled checks of one KPI therefore read one after another.
    /// </summary>
    public async Task<Lease> AcquireAsync(KpiDefinition kpi, CancellationToken cancellationToken)
    {
        var history = _kpis.GetOrAdd(kpi.Name, _ => new KpiHistory());
        await history.Gate.WaitAsync(cancellationToken);
        var key = HistoryKey.Of(kpi);
        if (history.Key != key)
        {
            history.Reset(key);
        }

        return new Lease(history, Math.Max(0, options.Value.HistoryCacheMaxValues));
    }

    /// <summary>Drops the cached windows of a KPI, so that its next scheduled check reads the full range.</summary>
    public void Forget(string kpiName) => _kpis.TryRemove(kpiName, out _);

    /// <summary>Returns the number of windows whose per-leaf sums are cached for a KPI, for tests and diagnostics.</summary>
    public int CachedWindowCount(string kpiName) => _kpis.TryGetValue(kpiName, out var history) ? history.Windows.Count : 0;

    /// <summary>Access to one KPI's cached windows while its lock is held.</summary>
    internal sealed class Lease(KpiHistory history, long maxValues) : IDisposable
    {
        private bool _disposed;

        /// <summary>Returns the cached per-leaf sums of a window, or null.</summary>
        public WindowSums? Get(DateTimeOffset start) => history.Windows.GetValueOrDefault(start);

        /// <summary>Returns the cached total of a window, or null.</summary>
        public WindowTotal? GetTotal(DateTimeOffset start) => history.Totals.GetValueOrDefault(start);

        /// <summary>
        /// The stored key instance and attribute values of every leaf in the cached windows, so
        /// that the windows share one key string per leaf.
        /// </summary>
        public Dictionary<string, (string Key, string[] Values)> Leaves => history.Leaves;

        /// <summary>
        /// Stores the per-leaf sums and the totals of the given windows, then keeps only the sums
        /// of windows starting at or after <paramref name="keepLeavesFrom"/> and the totals of
        /// windows starting at or after <paramref name="keepTotalsFrom"/>. It drops everything
        /// when the cache would exceed its bound.
        /// </summary>
        public void Store(IReadOnlyList<WindowSums> windows, IReadOnlyList<WindowTotal> totals, DateTimeOffset keepLeavesFrom, DateTimeOffset keepTotalsFrom)
        {
            foreach (var window in windows)
            {
                history.Windows[window.Start] = window;
            }

            foreach (var total in totals)
            {
                history.Totals[total.Start] = total;
            }

            RemoveBefore(history.Windows, keepLeavesFrom);
            RemoveBefore(history.Totals, keepTotalsFrom);

            long values = 0;
            var maxLeaves = 0;
            foreach (var window in history.Windows.Values)
            {
                values += window.Numerators.Length + (window.Denominators?.Length ?? 0);
                maxLeaves = Math.Max(maxLeaves, window.Keys.Length);
            }

            if (values > maxValues)
            {
                history.Windows.Clear();
                history.Totals.Clear();
                history.Leaves.Clear();
            }
            else if (history.Leaves.Count > (2 * maxLeaves) + 1024)
            {
                PruneLeaves();
            }
        }

        private static void RemoveBefore<T>(SortedDictionary<DateTimeOffset, T> windows, DateTimeOffset keepFrom)
        {
            while (windows.Count > 0 && windows.Keys.First() < keepFrom)
            {
                windows.Remove(windows.Keys.First());
            }
        }

        // Leaves that come and go would otherwise accumulate in the shared key table.
        private void PruneLeaves()
        {
            var live = new HashSet<string>(StringComparer.Ordinal);
            foreach (var window in history.Windows.Values)
            {
                live.UnionWith(window.Keys);
            }

            foreach (var key in history.Leaves.Keys.Where(key => !live.Contains(key)).ToList())
            {
                history.Leaves.Remove(key);
            }
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                history.Gate.Release();
            }
        }
    }

    /// <summary>The cached windows of one KPI.</summary>
    internal sealed class KpiHistory
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HistoryKey? Key { get; private set; }

        public SortedDictionary<DateTimeOffset, WindowSums> Windows { get; } = [];

        public SortedDictionary<DateTimeOffset, WindowTotal> Totals { get; } = [];

        public Dictionary<string, (string Key, string[] Values)> Leaves { get; } = new(StringComparer.Ordinal);

        public void Reset(HistoryKey key)
        {
            Key = key;
            Windows.Clear();
            Totals.Clear();
            Leaves.Clear();
        }
    }

    /// <summary>The parts of a KPI definition that decide what its query returns.</summary>
    internal sealed record HistoryKey(
        string Kind, string? Connection, string Database, string? RetentionPolicy, string Measurement,
        KpiMeasure Measure, string Field, string? DenominatorField, string Attributes, TimeSpan Interval)
    {
        public static HistoryKey Of(KpiDefinition kpi) => new(
            kpi.Source.Kind, kpi.Source.Connection, kpi.Source.Database, kpi.Source.RetentionPolicy, kpi.Measurement,
            kpi.Measure, kpi.Field, kpi.DenominatorField, string.Join('\u001f', kpi.Attributes), kpi.Interval);
    }
}
