namespace Rca.Server.Sources;

/// <summary>
/// Collects per-leaf, per-window sums in the order leaves first appear, merging rows of the same
/// leaf (a chunked response may split one series), and builds a <see cref="KpiSeries"/>.
/// </summary>
internal sealed class KpiSeriesBuilder
{
    private readonly string[] _attributes;
    private readonly KpiWindowGrid _grid;
    private readonly bool _hasDenominator;
    private readonly Dictionary<string[], int> _leafIndex = new(LeafKeyComparer.Instance);
    private readonly List<string[]> _leaves = [];
    private readonly List<double[]> _values = [];
    private readonly List<double[]>? _denominators;

    public KpiSeriesBuilder(IReadOnlyList<string> attributes, KpiWindowGrid grid, bool hasDenominator)
    {
        _attributes = [.. attributes];
        _grid = grid;
        _hasDenominator = hasDenominator;
        _denominators = hasDenominator ? [] : null;
    }

    public KpiWindowGrid Grid => _grid;

    public int LeafCount => _leaves.Count;

    /// <summary>Returns the index of the leaf with these attribute values, adding it with all windows 0 if new. The array is kept, so callers pass a fresh one.</summary>
    public int GetOrAddLeaf(string[] attributeValues)
    {
        if (_leafIndex.TryGetValue(attributeValues, out var index))
        {
            return index;
        }

        index = _leaves.Count;
        _leafIndex.Add(attributeValues, index);
        _leaves.Add(attributeValues);
        _values.Add(new double[_grid.Count]);
        _denominators?.Add(new double[_grid.Count]);
        return index;
    }

    /// <summary>Adds to the numerator sum of a leaf's window; sums add up when a leaf's rows are split.</summary>
    public void AddValue(int leaf, int window, double value) => _values[leaf][window] += value;

    /// <summary>Adds to the denominator sum of a leaf's window; ignored for a sum KPI.</summary>
    public void AddDenominator(int leaf, int window, double value)
    {
        if (_hasDenominator)
        {
            _denominators![leaf][window] += value;
        }
    }

    public KpiSeries Build() => new(
        _attributes,
        _grid.WindowStarts(),
        _leaves.ToArray(),
        _values.ToArray(),
        _denominators?.ToArray());

    private sealed class LeafKeyComparer : IEqualityComparer<string[]>
    {
        public static readonly LeafKeyComparer Instance = new();

        public bool Equals(string[]? x, string[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
            {
                hash.Add(value, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
