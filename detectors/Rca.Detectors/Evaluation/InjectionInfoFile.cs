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
                throw new InvalidDataFileException(path, line, null, DataFileError.FieldCount, [tokenizer.FieldCount, header.Names.Length]);
            }

            var timestamp = tokenizer[columns[0]].Trim().ToString();
            if (timestamp.Length == 0)
            {
                throw new InvalidDataFileException(path, line, columns[0] + 1, DataFileError.EmptyTimestamp, []);
            }

            if (!AttributeCombination.TryParseSet(tokenizer[columns[1]].ToString(), out var set, out var error, out var arguments))
            {
                throw new InvalidDataFileException(path, line, columns[1] + 1, error, arguments);
            }

            if (rows.TryGetValue(timestamp, out var earlier))
            {
                throw new InvalidDataFileException(path, line, columns[0] + 1, DataFileError.RepeatedTimestamp, [timestamp, earlier.Line]);
            }

            rows.Add(timestamp, (set, line));
        }

        return rows;
    }
}
