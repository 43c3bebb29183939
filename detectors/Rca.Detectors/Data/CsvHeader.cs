namespace Rca.Detectors.Data;

/// <summary>
/// The header of a CSV data file: column names with checks for empty and repeated names.
/// </summary>
internal sealed class CsvHeader
{
    private CsvHeader(string[] names, int line)
    {
        Names = names;
        Line = line;
    }

    /// <summary>The column names in file order.</summary>
    public string[] Names { get; }

    /// <summary>The 1-based line of the header.</summary>
    public int Line { get; }

    /// <summary>Reads the first non-blank record as the header.</summary>
    /// <exception cref="InvalidDataFileException">The file is empty, or a name is empty or repeated.</exception>
    public static CsvHeader Read(CsvTokenizer tokenizer, string path)
    {
        do
        {
            if (!tokenizer.ReadRecord())
            {
                throw new InvalidDataFileException(path, null, null, DataFileError.FileEmpty, []);
            }
        }
        while (tokenizer.IsBlank);

        var names = new string[tokenizer.FieldCount];
        for (var column = 0; column < names.Length; column++)
        {
            var name = tokenizer[column].ToString();
            if (name.Length == 0)
            {
                throw new InvalidDataFileException(path, tokenizer.RecordLine, column + 1, DataFileError.EmptyColumnName, []);
            }

            var earlier = Array.IndexOf(names, name, 0, column);
            if (earlier >= 0)
            {
                throw new InvalidDataFileException(
                    path, tokenizer.RecordLine, column + 1, DataFileError.DuplicateColumn, [name, earlier + 1]);
            }

            names[column] = name;
        }

        return new CsvHeader(names, tokenizer.RecordLine);
    }

    /// <summary>Returns the index of each required column, or throws an error naming the missing ones.</summary>
    public int[] Require(string path, params string[] required)
    {
        var indexes = new int[required.Length];
        var missing = new List<string>();
        for (var i = 0; i < required.Length; i++)
        {
            indexes[i] = Array.IndexOf(Names, required[i]);
            if (indexes[i] < 0)
            {
                missing.Add(required[i]);
            }
        }

        if (missing.Count == 1)
        {
            throw new InvalidDataFileException(path, Line, null, DataFileError.MissingColumn, [missing[0], string.Join(",", Names)]);
        }

        if (missing.Count > 1)
        {
            var quoted = "'" + string.Join("', '", missing) + "'";
            throw new InvalidDataFileException(path, Line, null, DataFileError.MissingColumns, [quoted, string.Join(",", Names)]);
        }

        return indexes;
    }

    /// <summary>
    /// Returns the indexes of the columns that are not in <paramref name="excluded"/>, in file
    /// order, or throws <paramref name="noneError"/> with the excluded column names when there are none.
    /// </summary>
    public int[] Others(string path, DataFileError noneError, params int[] excluded)
    {
        var others = new List<int>(Names.Length);
        for (var column = 0; column < Names.Length; column++)
        {
            if (Array.IndexOf(excluded, column) < 0)
            {
                others.Add(column);
            }
        }

        if (others.Count == 0)
        {
            var excludedNames = new object?[excluded.Length];
            for (var i = 0; i < excluded.Length; i++)
            {
                excludedNames[i] = Names[excluded[i]];
            }

            throw new InvalidDataFileException(path, Line, null, noneError, excludedNames);
        }

        return [.. others];
    }
}
