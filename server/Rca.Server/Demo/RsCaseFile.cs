using System.Globalization;

namespace Rca.Server.Demo;

/// <summary>
/// Reads an RS case CSV: <c>min</c> (Unix seconds), <c>value</c> (successful requests), <c>cnt</c>
/// (all requests) and one column per attribute.
/// </summary>
internal static class RsCaseFile
{
    /// <summary>One row: a leaf's counts in one minute.</summary>
    public sealed record Row(long Minute, string[] Attributes, double Value, double Count);

    /// <exception cref="FormatException">A header column is missing or a number is invalid; the message names the file and line.</exception>
    public static IReadOnlyList<Row> Read(string path, IReadOnlyList<string> attributes)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var index and >= 0
            ? index
            : throw new FormatException($"{path}: line 1 has no column '{name}'.");

        var minute = Column("min");
        var value = Column("value");
        var count = Column("cnt");
        var attributeColumns = attributes.Select(Column).ToArray();

        var rows = new List<Row>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new FormatException($"{path}: line {lineNumber} has {fields.Length} fields, expected {header.Length}.");
            }

            rows.Add(new Row(
                ParseLong(fields[minute], path, lineNumber, "min"),
                [.. attributeColumns.Select(column => fields[column])],
                ParseDouble(fields[value], path, lineNumber, "value"),
                ParseDouble(fields[count], path, lineNumber, "cnt")));
        }

        return rows;
    }

    private static long ParseLong(string text, string path, int line, string column) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{path}: line {line}, column '{column}': expected an integer, got '{text}'.");

    private static double ParseDouble(string text, string path, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{path}: line {line}, column '{column}': expected a number, got '{text}'.");
}
