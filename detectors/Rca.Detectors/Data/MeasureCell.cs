using System.Globalization;

namespace Rca.Detectors.Data;

/// <summary>
/// Parsing of measure cells: invariant-culture floats (exponents allowed) that are finite and
/// not negative. An empty cell is an error, never a zero.
/// </summary>
internal static class MeasureCell
{
    /// <summary>Parses a measure cell or throws an error naming the file, line, column and column name.</summary>
    public static double Parse(ReadOnlySpan<char> cell, string path, int line, int column, string columnName)
    {
        if (cell.IsWhiteSpace())
        {
            throw new InvalidDataFileException(path, line, column, DataFileError.EmptyValue, [columnName]);
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var trimmed = cell.Trim();
            if (trimmed.Equals("nan", StringComparison.OrdinalIgnoreCase)
                || trimmed.TrimStart("+-").Equals("inf", StringComparison.OrdinalIgnoreCase))
            {
                throw NotFinite(cell, path, line, column, columnName);
            }

            throw new InvalidDataFileException(path, line, column, DataFileError.NotANumber, [cell.ToString(), columnName]);
        }

        if (!double.IsFinite(value))
        {
            throw NotFinite(cell, path, line, column, columnName);
        }

        if (value < 0)
        {
            throw new InvalidDataFileException(path, line, column, DataFileError.NegativeValue, [cell.ToString(), columnName]);
        }

        // Turns -0 into +0, so a written table never shows "-0".
        return value + 0.0;
    }

    /// <summary>Parses a whole number of seconds (a Unix timestamp).</summary>
    public static long ParseSeconds(ReadOnlySpan<char> cell, string path, int line, int column, string columnName)
    {
        if (!long.TryParse(cell, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidDataFileException(path, line, column, DataFileError.NotUnixSeconds, [cell.ToString(), columnName]);
        }

        return value;
    }

    private static InvalidDataFileException NotFinite(ReadOnlySpan<char> cell, string path, int line, int column, string columnName) =>
        new(path, line, column, DataFileError.NotFinite, [cell.ToString(), columnName]);
}
