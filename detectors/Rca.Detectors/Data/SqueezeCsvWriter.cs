using System.Globalization;

namespace Rca.Detectors.Data;

/// <summary>
/// Writes a <see cref="LeafTable"/> as Squeeze-layout case files with the columns
/// <c>real,predict,&lt;attributes&gt;</c>, one row per leaf in leaf order: one file for a
/// fundamental measure, a numerator and a denominator file for a derived one.
/// </summary>
/// <remarks>
/// Numbers use the shortest text that reads back to the same double (invariant culture), in
/// the style of Python's <c>repr</c> used by the Squeeze data sets: <c>0.0</c>, <c>12.5</c>,
/// <c>1e-05</c>. Unlike Python, .NET writes 1e16 as <c>10000000000000000.0</c>; both read back
/// to the same double. Fields with a comma, quote or line break are quoted per RFC 4180. Lines end
/// with LF.
/// </remarks>
public static class SqueezeCsvWriter
{
    /// <summary>Writes the header and one row per leaf of a fundamental table.</summary>
    /// <exception cref="ArgumentException">The table is of a derived measure.</exception>
    public static void Write(LeafTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        if (table.Kind != MeasureKind.Fundamental)
        {
            throw new ArgumentException("A derived table needs two files. Use WriteDerived for the .a.csv and .b.csv files.", nameof(table));
        }

        WriteColumns(table, table.Actual, table.Forecast, writer);
    }

    /// <summary>Writes the numerators of a derived table to one writer (<c>.a.csv</c>) and the denominators to another (<c>.b.csv</c>).</summary>
    /// <exception cref="ArgumentException">The table is of a fundamental measure.</exception>
    public static void WriteDerived(LeafTable table, TextWriter numeratorWriter, TextWriter denominatorWriter)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(numeratorWriter);
        ArgumentNullException.ThrowIfNull(denominatorWriter);
        if (table.Kind != MeasureKind.Derived)
        {
            throw new ArgumentException("A fundamental table has no denominators. Use Write.", nameof(table));
        }

        WriteColumns(table, table.Actual, table.Forecast, numeratorWriter);
        WriteColumns(table, table.ActualDenominator, table.ForecastDenominator, denominatorWriter);
    }

    private static void WriteColumns(LeafTable table, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, TextWriter writer)
    {
        writer.Write("real,predict");
        for (var attribute = 0; attribute < table.AttributeCount; attribute++)
        {
            writer.Write(',');
            WriteField(writer, table.AttributeNames[attribute]);
        }

        writer.Write('\n');
        Span<char> number = stackalloc char[32];
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            WriteNumber(writer, actual[leaf], number);
            writer.Write(',');
            WriteNumber(writer, forecast[leaf], number);
            for (var attribute = 0; attribute < table.AttributeCount; attribute++)
            {
                writer.Write(',');
                WriteField(writer, table.GetAttributeValues(attribute)[table.GetCodes(attribute)[leaf]]);
            }

            writer.Write('\n');
        }
    }

    /// <summary>Formats a number the way the writer does, for callers that write other columns.</summary>
    public static string FormatNumber(double value)
    {
        Span<char> buffer = stackalloc char[32];
        var length = Format(value, buffer);
        return new string(buffer[..length]);
    }

    private static void WriteNumber(TextWriter writer, double value, Span<char> buffer)
    {
        var length = Format(value, buffer);
        writer.Write(buffer[..length]);
    }

    private static int Format(double value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var length, "R", CultureInfo.InvariantCulture);
        var text = buffer[..length];
        var exponent = text.IndexOf('E');
        if (exponent >= 0)
        {
            text[exponent] = 'e';
            return length;
        }

        if (text.IndexOf('.') < 0 && double.IsFinite(value))
        {
            buffer[length++] = '.';
            buffer[length++] = '0';
        }

        return length;
    }

    private static void WriteField(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
