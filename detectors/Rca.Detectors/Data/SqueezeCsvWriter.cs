using System.Globalization;

namespace Rca.Detectors.Data;

/// <summary>
/// Writes a fundamental <see cref="LeafTable"/> as a Squeeze-layout case file,
/// <c>real,predict,&lt;attributes&gt;</c>, one row per leaf in leaf order.
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
    /// <summary>Writes the header and one row per leaf.</summary>
    /// <exception cref="ArgumentException">The table is of a derived measure.</exception>
    public static void Write(LeafTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        if (table.Kind != MeasureKind.Fundamental)
        {
            throw new ArgumentException("Only a fundamental table fits one real,predict file. Write a derived one as .a.csv and .b.csv.", nameof(table));
        }

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
            WriteNumber(writer, table.Actual[leaf], number);
            writer.Write(',');
            WriteNumber(writer, table.Forecast[leaf], number);
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
