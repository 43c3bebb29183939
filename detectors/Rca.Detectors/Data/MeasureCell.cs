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
            throw new InvalidDataFileException(path, line, column, $"empty value in column '{columnName}'. Expected a number");
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var trimmed = cell.Trim();
            if (trimmed.Equals("nan", StringComparison.OrdinalIgnoreCase)
                || trimmed.TrimStart("+-").Equals("inf", StringComparison.OrdinalIgnoreCase))
            {
                throw NotFinite(cell, path, line, column, columnName);
            }

            throw new InvalidDataFileException(
                path, line, column, $"'{cell}' in column '{columnName}' is not a number. Expected an invariant-culture number such as 12.5 or 1e3");
        }

        if (!double.IsFinite(value))
        {
            throw NotFinite(cell, path, line, column, columnName);
        }

        if (value < 0)
        {
            throw new InvalidDataFileException(
                path, line, column, $"negative value '{cell}' in column '{columnName}'. Measures must be zero or more");
        }

        // Turns -0 into +0, so a written table never shows "-0".
        return value + 0.0;
    }

    /// <summary>Parses a whole number of seconds (a Unix timestamp).</summary>
    public static long ParseSeconds(ReadOnlySpan<char> cell, string path, int line, int column, string columnName)
    {
        if (!long.TryParse(cell, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidDataFileException(
                path, line, column, $"'{cell}' in column '{columnName}' is not a whole number of Unix seconds");
        }

        return value;
    }

    private static InvalidDataFileException NotFinite(ReadOnlySpan<char> cell, string path, int line, int column, string columnName) =>
        new(path, line, column, $"value '{cell}' in column '{columnName}' is not finite. Expected a number");
}
