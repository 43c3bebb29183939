namespace Rca.Detectors.Data;

/// <summary>
/// Failures and attempts per leaf over the anomaly minute and the minutes before it, in the
/// order leaves first appear, with the file line of each (leaf, minute) row to report repeats.
/// </summary>
internal sealed class RsLeafWindow(string[] attributeNames, int slots)
{
    private readonly Dictionary<string, int> _leafIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Leaf, long Minute), int> _rowLines = [];
    private readonly List<string[]> _leafValues = [];
    private readonly List<double[]> _failures = [];
    private readonly List<double[]> _attempts = [];

    /// <summary>Adds a row; returns the line of an earlier row of the same leaf and minute, or 0.</summary>
    public int Add(string[] values, long minute, int slot, double failures, double attempts, int line)
    {
        var key = string.Join('\u001F', values);
        if (!_rowLines.TryAdd((key, minute), line))
        {
            return _rowLines[(key, minute)];
        }

        if (slot < 0)
        {
            return 0;
        }

        if (!_leafIndex.TryGetValue(key, out var leaf))
        {
            leaf = _leafValues.Count;
            _leafIndex.Add(key, leaf);
            _leafValues.Add((string[])values.Clone());
            _failures.Add(new double[slots]);
            _attempts.Add(new double[slots]);
        }

        _failures[leaf][slot] = failures;
        _attempts[leaf][slot] = attempts;
        return 0;
    }

    /// <summary>Builds the derived table: slot 0 is the actual, the mean of slots 1..history the forecast.</summary>
    public LeafTable Build(int history)
    {
        var builder = new LeafTableBuilder(attributeNames, MeasureKind.Derived);
        for (var leaf = 0; leaf < _leafValues.Count; leaf++)
        {
            var failures = _failures[leaf];
            var attempts = _attempts[leaf];
            double failureSum = 0, attemptSum = 0;
            for (var slot = 1; slot <= history; slot++)
            {
                failureSum += failures[slot];
                attemptSum += attempts[slot];
            }

            builder.Add(_leafValues[leaf], failures[0], failureSum / history, attempts[0], attemptSum / history);
        }

        return builder.Build();
    }
}
