using System.Text;

namespace Rca.Detectors.Data;

/// <summary>
/// A columnar table of leaves: one row per full attribute combination with its actual value
/// and forecast. Attribute values are dictionary-encoded per attribute, and codes follow the
/// ordinal order of the value texts, so sorting by code sorts the values lexicographically.
/// </summary>
/// <remarks>
/// For a <see cref="MeasureKind.Derived"/> measure, <see cref="Actual"/> and
/// <see cref="Forecast"/> hold the numerators and <see cref="ActualDenominator"/> and
/// <see cref="ForecastDenominator"/> the denominators. Instances are immutable; build them with
/// <see cref="LeafTableBuilder"/>.
/// </remarks>
public sealed class LeafTable
{
    private readonly string[] _attributeNames;
    private readonly string[][] _dictionaries;
    private readonly int[][] _codes;
    private readonly double[] _actual;
    private readonly double[] _forecast;
    private readonly double[]? _actualDenominator;
    private readonly double[]? _forecastDenominator;

    internal LeafTable(
        MeasureKind kind,
        string[] attributeNames,
        string[][] dictionaries,
        int[][] codes,
        double[] actual,
        double[] forecast,
        double[]? actualDenominator,
        double[]? forecastDenominator)
    {
        Kind = kind;
        _attributeNames = attributeNames;
        _dictionaries = dictionaries;
        _codes = codes;
        _actual = actual;
        _forecast = forecast;
        _actualDenominator = actualDenominator;
        _forecastDenominator = forecastDenominator;
    }

    /// <summary>The roll-up rule of the measure.</summary>
    public MeasureKind Kind { get; }

    /// <summary>The number of leaves (rows).</summary>
    public int LeafCount => _actual.Length;

    /// <summary>The number of attributes (columns that identify a leaf).</summary>
    public int AttributeCount => _attributeNames.Length;

    /// <summary>The attribute names in column order.</summary>
    public IReadOnlyList<string> AttributeNames => _attributeNames;

    /// <summary>The actual values, or the actual numerators of a derived measure.</summary>
    public ReadOnlySpan<double> Actual => _actual;

    /// <summary>The forecasts, or the forecast numerators of a derived measure.</summary>
    public ReadOnlySpan<double> Forecast => _forecast;

    /// <summary>The actual denominators of a derived measure; empty for a fundamental one.</summary>
    public ReadOnlySpan<double> ActualDenominator => _actualDenominator;

    /// <summary>The forecast denominators of a derived measure; empty for a fundamental one.</summary>
    public ReadOnlySpan<double> ForecastDenominator => _forecastDenominator;

    /// <summary>Returns the distinct values of an attribute, indexed by code, in ordinal order.</summary>
    public IReadOnlyList<string> GetAttributeValues(int attribute) => _dictionaries[attribute];

    /// <summary>Returns the value codes of one attribute for every leaf.</summary>
    public ReadOnlySpan<int> GetCodes(int attribute) => _codes[attribute];

    /// <summary>Returns the index of an attribute by name, or -1 when the table has no such attribute.</summary>
    public int IndexOfAttribute(string name) => Array.IndexOf(_attributeNames, name);

    /// <summary>Returns the actual value of a leaf on the measure's own scale (the ratio for a derived measure).</summary>
    public double ActualValue(int leaf) =>
        Kind == MeasureKind.Fundamental ? _actual[leaf] : Ratio(_actual[leaf], _actualDenominator![leaf]);

    /// <summary>Returns the forecast of a leaf on the measure's own scale (the ratio for a derived measure).</summary>
    public double ForecastValue(int leaf) =>
        Kind == MeasureKind.Fundamental ? _forecast[leaf] : Ratio(_forecast[leaf], _forecastDenominator![leaf]);

    /// <summary>Returns the attribute combination that fixes every attribute of one leaf.</summary>
    public AttributeCombination GetLeafCombination(int leaf)
    {
        var pairs = new KeyValuePair<string, string>[_attributeNames.Length];
        for (var attribute = 0; attribute < pairs.Length; attribute++)
        {
            pairs[attribute] = new(_attributeNames[attribute], _dictionaries[attribute][_codes[attribute][leaf]]);
        }

        return new AttributeCombination(pairs);
    }

    /// <summary>Returns the rolled-up actual and forecast of all leaves on the measure's own scale.</summary>
    public (double Actual, double Forecast) Totals()
    {
        double actual = 0, forecast = 0, actualDenominator = 0, forecastDenominator = 0;
        for (var leaf = 0; leaf < _actual.Length; leaf++)
        {
            actual += _actual[leaf];
            forecast += _forecast[leaf];
        }

        if (Kind == MeasureKind.Fundamental)
        {
            return (actual, forecast);
        }

        for (var leaf = 0; leaf < _actual.Length; leaf++)
        {
            actualDenominator += _actualDenominator![leaf];
            forecastDenominator += _forecastDenominator![leaf];
        }

        return (Ratio(actual, actualDenominator), Ratio(forecast, forecastDenominator));
    }

    /// <summary>Divides two rolled-up sums, with division by zero giving 0 as the roll-up rule requires.</summary>
    public static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Kind).Append(" leaf table: ").Append(LeafCount).Append(" leaves over ");
        text.AppendJoin(", ", _attributeNames.Select((name, i) => $"{name} ({_dictionaries[i].Length})"));
        return text.ToString();
    }
}
