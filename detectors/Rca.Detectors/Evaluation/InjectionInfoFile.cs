using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// Reads the ground truth of a Squeeze-layout folder, <c>injection_info.csv</c>: one row per
/// case with the columns <c>timestamp</c> and <c>set</c> (combinations joined by <c>;</c>, pairs
/// by <c>&amp;</c>). Other columns are ignored.
/// </summary>
internal static class InjectionInfoFile
{
    public const string FileName = "injection_info.csv";

    /// <summary>Returns the ground truth and its line, keyed by the timestamp text.</summary>
    /// <exception cref="InvalidDataFileException">The file is malformed, a set is invalid or a timestamp repeats.</exception>
    public static Dictionary<string, (IReadOnlyList<AttributeCombination> Set, int Line)> Read(string path)
    {
        var tokenizer = new CsvTokenizer(DataFileText.ReadFile(path), path);
        var header = CsvHeader.Read(tokenizer, path);
        var columns = header.Require(path, "timestamp", "set");
        var rows = new Dictionary<string, (IReadOnlyList<AttributeCombination> Set, int Line)>(StringComparer.Ordinal);
        while (tokenizer.ReadRecord())
        {
            if (tokenizer.IsBlank)
            {
                continue;
            }

            var line = tokenizer.RecordLine;
            if (tokenizer.FieldCount != header.Names.Length)
            {
                throw new InvalidDataFileException(
                    path, line, null, $"{tokenizer.FieldCount} fields, expected {header.Names.Length} as in the header");
            }

            var timestamp = tokenizer[columns[0]].Trim().ToString();
            if (timestamp.Length == 0)
            {
                throw new InvalidDataFileException(path, line, columns[0] + 1, "empty timestamp");
            }

            IReadOnlyList<AttributeCombination> set;
            try
            {
                set = AttributeCombination.ParseSet(tokenizer[columns[1]].ToString());
            }
            catch (FormatException error)
            {
                throw new InvalidDataFileException(path, line, columns[1] + 1, error.Message, error);
            }

            if (rows.TryGetValue(timestamp, out var earlier))
            {
                throw new InvalidDataFileException(path, line, columns[0] + 1, $"timestamp {timestamp} repeats line {earlier.Line}");
            }

            rows.Add(timestamp, (set, line));
        }

        return rows;
    }
}
