namespace Rca.Detectors.Data;

/// <summary>
/// Builds a <see cref="LeafTable"/> row by row, encoding attribute values and rejecting
/// duplicate leaves and negative or non-finite measures.
/// </summary>
public sealed class LeafTableBuilder
{
    private readonly string[] _attributeNames;
    private readonly List<Dictionary<string, int>> _valueCodes;
    private readonly List<List<string>> _values;
    private readonly List<int>[] _codes;
    private readonly List<double> _actual = [];
    private readonly List<double> _forecast = [];
    private readonly List<double> _actualDenominator = [];
    private readonly List<double> _forecastDenominator = [];
    private readonly Dictionary<LeafKey, int> _leafIndex = new();

    /// <summary>Starts an empty table over the given attributes.</summary>
    /// <exception cref="ArgumentException">No attributes, or an empty or repeated attribute name.</exception>
    public LeafTableBuilder(IReadOnlyList<string> attributeNames, MeasureKind kind)
    {
        ArgumentNullException.ThrowIfNull(attributeNames);
        if (attributeNames.Count == 0)
        {
            throw new ArgumentException("A leaf table needs at least one attribute.", nameof(attributeNames));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in attributeNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Attribute names must not be empty.", nameof(attributeNames));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Attribute '{name}' is named twice.", nameof(attributeNames));
            }
        }

        Kind = kind;
        _attributeNames = [.. attributeNames];
        _valueCodes = [.. _attributeNames.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
        _values = [.. _attributeNames.Select(_ => new List<string>())];
        _codes = [.. _attributeNames.Select(_ => new List<int>())];
    }

    /// <summary>The roll-up rule of the table being built.</summary>
    public MeasureKind Kind { get; }

    /// <summary>The number of leaves added so far.</summary>
    public int Count => _actual.Count;

    /// <summary>Adds a leaf of a fundamental measure and returns its index.</summary>
    /// <exception cref="DuplicateLeafException">A leaf with the same attribute values was added before.</exception>
    /// <exception cref="ArgumentException">A value count that does not match the attributes, or a negative or non-finite measure.</exception>
    public int Add(ReadOnlySpan<string> attributeValues, double actual, double forecast)
    {
        if (Kind != MeasureKind.Fundamental)
        {
            throw new InvalidOperationException("A derived measure needs numerators and denominators.");
        }

        CheckMeasure(actual, nameof(actual));
        CheckMeasure(forecast, nameof(forecast));
        var leaf = AddAttributes(attributeValues);
        _actual.Add(actual);
        _forecast.Add(forecast);
        return leaf;
    }

    /// <summary>Adds a leaf of a derived measure (numerators and denominators) and returns its index.</summary>
    /// <exception cref="DuplicateLeafException">A leaf with the same attribute values was added before.</exception>
    /// <exception cref="ArgumentException">A value count that does not match the attributes, or a negative or non-finite measure.</exception>
    public int Add(
        ReadOnlySpan<string> attributeValues,
        double actualNumerator,
        double forecastNumerator,
        double actualDenominator,
        double forecastDenominator)
    {
        if (Kind != MeasureKind.Derived)
        {
            throw new InvalidOperationException("A fundamental measure takes one actual value and one forecast.");
        }

        CheckMeasure(actualNumerator, nameof(actualNumerator));
        CheckMeasure(forecastNumerator, nameof(forecastNumerator));
        CheckMeasure(actualDenominator, nameof(actualDenominator));
        CheckMeasure(forecastDenominator, nameof(forecastDenominator));
        var leaf = AddAttributes(attributeValues);
        _actual.Add(actualNumerator);
        _forecast.Add(forecastNumerator);
        _actualDenominator.Add(actualDenominator);
        _forecastDenominator.Add(forecastDenominator);
        return leaf;
    }

    /// <summary>Returns the index of the leaf with these attribute values, or -1 when none was added.</summary>
    public int IndexOf(ReadOnlySpan<string> attributeValues)
    {
        if (attributeValues.Length != _attributeNames.Length)
        {
            return -1;
        }

        var codes = new int[_attributeNames.Length];
        for (var attribute = 0; attribute < codes.Length; attribute++)
        {
            if (!_valueCodes[attribute].TryGetValue(attributeValues[attribute], out codes[attribute]))
            {
                return -1;
            }
        }

        return _leafIndex.TryGetValue(new LeafKey(codes), out var leaf) ? leaf : -1;
    }

    /// <summary>Creates the immutable table, re-encoding attribute values in ordinal order.</summary>
    public LeafTable Build()
    {
        var dictionaries = new string[_attributeNames.Length][];
        var codes = new int[_attributeNames.Length][];
        for (var attribute = 0; attribute < _attributeNames.Length; attribute++)
        {
            var values = _values[attribute].ToArray();
            var order = Enumerable.Range(0, values.Length).ToArray();
            Array.Sort(values.ToArray(), order, StringComparer.Ordinal);
            var remap = new int[values.Length];
            for (var sorted = 0; sorted < order.Length; sorted++)
            {
                remap[order[sorted]] = sorted;
            }

            dictionaries[attribute] = [.. order.Select(i => values[i])];
            var source = _codes[attribute];
            var column = new int[source.Count];
            for (var leaf = 0; leaf < column.Length; leaf++)
            {
                column[leaf] = remap[source[leaf]];
            }

            codes[attribute] = column;
        }

        return new LeafTable(
            Kind,
            [.. _attributeNames],
            dictionaries,
            codes,
            [.. _actual],
            [.. _forecast],
            Kind == MeasureKind.Derived ? [.. _actualDenominator] : null,
            Kind == MeasureKind.Derived ? [.. _forecastDenominator] : null);
    }

    private int AddAttributes(ReadOnlySpan<string> attributeValues)
    {
        if (attributeValues.Length != _attributeNames.Length)
        {
            throw new ArgumentException(
                $"Expected {_attributeNames.Length} attribute values ({string.Join(", ", _attributeNames)}), got {attributeValues.Length}.",
                nameof(attributeValues));
        }

        var codes = new int[_attributeNames.Length];
        for (var attribute = 0; attribute < codes.Length; attribute++)
        {
            var value = attributeValues[attribute] ?? throw new ArgumentException("Attribute values must not be null.", nameof(attributeValues));
            var dictionary = _valueCodes[attribute];
            if (!dictionary.TryGetValue(value, out var code))
            {
                code = dictionary.Count;
                dictionary.Add(value, code);
                _values[attribute].Add(value);
            }

            codes[attribute] = code;
        }

        var key = new LeafKey(codes);
        var leaf = _actual.Count;
        if (!_leafIndex.TryAdd(key, leaf))
        {
            throw new DuplicateLeafException(_leafIndex[key]);
        }

        for (var attribute = 0; attribute < codes.Length; attribute++)
        {
            _codes[attribute].Add(codes[attribute]);
        }

        return leaf;
    }

    private static void CheckMeasure(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"The {name} must be a finite number, got {value}.", name);
        }

        if (value < 0)
        {
            throw new ArgumentException($"The {name} must not be negative, got {value}.", name);
        }
    }

    private readonly struct LeafKey(int[] codes) : IEquatable<LeafKey>
    {
        private readonly int[] _codes = codes;

        public bool Equals(LeafKey other) => _codes.AsSpan().SequenceEqual(other._codes);

        public override bool Equals(object? obj) => obj is LeafKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var code in _codes)
            {
                hash.Add(code);
            }

            return hash.ToHashCode();
        }
    }
}
