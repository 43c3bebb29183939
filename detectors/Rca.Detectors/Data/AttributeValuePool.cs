namespace Rca.Detectors.Data;

/// <summary>
/// Dictionary-encodes the values of one attribute column in order of first appearance, so a
/// file with many rows allocates each distinct value once.
/// </summary>
internal sealed class AttributeValuePool
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];
    private string _lastValue = string.Empty;
    private int _lastCode = -1;

    public AttributeValuePool()
    {
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The distinct values, indexed by code.</summary>
    public List<string> Values => _values;

    /// <summary>Returns the code of <paramref name="value"/>, adding it when new.</summary>
    public int Encode(ReadOnlySpan<char> value)
    {
        // Data files are often sorted, so a column tends to repeat the value of the row above:
        // comparing with it is cheaper than hashing.
        if (_lastCode >= 0 && value.SequenceEqual(_lastValue))
        {
            return _lastCode;
        }

        if (!_lookup.TryGetValue(value, out var code))
        {
            code = _values.Count;
            var text = value.ToString();
            _codes.Add(text, code);
            _values.Add(text);
        }

        _lastValue = _values[code];
        _lastCode = code;
        return code;
    }

    /// <summary>Returns the code of a value, or -1 when it has not been seen.</summary>
    public int Find(string value) => _codes.TryGetValue(value, out var code) ? code : -1;
}
