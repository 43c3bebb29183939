using System.IO.Compression;
using System.Text.Json;
using Rca.Detectors.Data;

namespace Rca.Server.Api;

/// <summary>
/// A leaf table in a compact stored form: dictionary-encoded attribute columns and the measure
/// columns, as gzip-compressed JSON. Used for incident drill-down and for uploads that are
/// localized in the background.
/// </summary>
/// <param name="Kind"><c>fundamental</c> or <c>derived</c>.</param>
/// <param name="Attributes">The attribute names.</param>
/// <param name="Dictionaries">The values of each attribute, indexed by code.</param>
/// <param name="Codes">The value code of each leaf, indexed [attribute][leaf].</param>
/// <param name="Actual">The actual value (numerator) per leaf.</param>
/// <param name="Forecast">The forecast (numerator) per leaf.</param>
/// <param name="ActualDenominator">The actual denominator per leaf of a derived table; null otherwise.</param>
/// <param name="ForecastDenominator">The forecast denominator per leaf of a derived table; null otherwise.</param>
internal sealed record LeafTableSnapshot(
    string Kind,
    string[] Attributes,
    string[][] Dictionaries,
    int[][] Codes,
    double[] Actual,
    double[] Forecast,
    double[]? ActualDenominator,
    double[]? ForecastDenominator)
{
    public bool IsDerived => Kind == "derived";

    public int LeafCount => Actual.Length;

    public static LeafTableSnapshot From(LeafTable table)
    {
        var attributes = table.AttributeNames.ToArray();
        var dictionaries = new string[attributes.Length][];
        var codes = new int[attributes.Length][];
        for (var attribute = 0; attribute < attributes.Length; attribute++)
        {
            dictionaries[attribute] = [.. table.GetAttributeValues(attribute)];
            codes[attribute] = table.GetCodes(attribute).ToArray();
        }

        var derived = table.Kind == MeasureKind.Derived;
        return new LeafTableSnapshot(
            derived ? "derived" : "fundamental",
            attributes,
            dictionaries,
            codes,
            table.Actual.ToArray(),
            table.Forecast.ToArray(),
            derived ? table.ActualDenominator.ToArray() : null,
            derived ? table.ForecastDenominator.ToArray() : null);
    }

    public byte[] Compress()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, this);
        }

        return buffer.ToArray();
    }

    public static LeafTableSnapshot Decompress(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<LeafTableSnapshot>(gzip)
            ?? throw new InvalidDataException("The stored leaf snapshot is empty.");
    }

    /// <summary>Rebuilds the leaf table.</summary>
    public LeafTable ToTable()
    {
        var builder = new LeafTableBuilder(Attributes, IsDerived ? MeasureKind.Derived : MeasureKind.Fundamental);
        var values = new string[Attributes.Length];
        for (var leaf = 0; leaf < Actual.Length; leaf++)
        {
            for (var attribute = 0; attribute < values.Length; attribute++)
            {
                values[attribute] = Dictionaries[attribute][Codes[attribute][leaf]];
            }

            if (IsDerived)
            {
                builder.Add(values, Actual[leaf], Forecast[leaf], ActualDenominator![leaf], ForecastDenominator![leaf]);
            }
            else
            {
                builder.Add(values, Actual[leaf], Forecast[leaf]);
            }
        }

        return builder.Build();
    }
}
