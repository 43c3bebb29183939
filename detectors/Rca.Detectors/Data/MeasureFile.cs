namespace Rca.Detectors.Data;

/// <summary>
/// One parsed <c>real,predict,&lt;attributes&gt;</c> file: dictionary-encoded attribute
/// columns, the two measures and the line of every row, before leaves are checked for repeats.
/// </summary>
internal sealed class MeasureFile
{
    public const string ActualColumn = "real";
    public const string ForecastColumn = "predict";

    private MeasureFile(string path, int headerLine, string[] attributeNames, AttributeValuePool[] pools, int[][] codes, double[] actual, double[] forecast, int[] lines)
    {
        Path = path;
        HeaderLine = headerLine;
        AttributeNames = attributeNames;
        Pools = pools;
        Codes = codes;
        Actual = actual;
        Forecast = forecast;
        Lines = lines;
    }

    public string Path { get; }

    public int HeaderLine { get; }

    public string[] AttributeNames { get; }

    /// <summary>The distinct values of each attribute, in order of first appearance.</summary>
    public AttributeValuePool[] Pools { get; }

    /// <summary>The value code of each attribute (outer) for each row (inner).</summary>
    public int[][] Codes { get; }

    public double[] Actual { get; }

    public double[] Forecast { get; }

    public int[] Lines { get; }

    public int RowCount => Actual.Length;

    /// <summary>Returns the distinct values of each attribute, indexed by code.</summary>
    public string[][] Dictionaries()
    {
        var dictionaries = new string[Pools.Length][];
        for (var attribute = 0; attribute < Pools.Length; attribute++)
        {
            dictionaries[attribute] = [.. Pools[attribute].Values];
        }

        return dictionaries;
    }

    /// <summary>Returns the leaf of a row as attribute combination text, for messages.</summary>
    public string DescribeLeaf(int row)
    {
        var values = new string[AttributeNames.Length];
        for (var attribute = 0; attribute < values.Length; attribute++)
        {
            values[attribute] = Pools[attribute].Values[Codes[attribute][row]];
        }

        return DescribeLeaf(AttributeNames, values);
    }

    public static string DescribeLeaf(string[] attributeNames, ReadOnlySpan<string> values)
    {
        var pairs = new KeyValuePair<string, string>[attributeNames.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(attributeNames[i], values[i]);
        }

        return new AttributeCombination(pairs).ToString();
    }

    /// <summary>Parses the text of a file.</summary>
    /// <exception cref="InvalidDataFileException">Any problem, with its line and column.</exception>
    public static MeasureFile Parse(string text, string path)
    {
        var tokenizer = new CsvTokenizer(text, path);
        var header = CsvHeader.Read(tokenizer, path);
        var measures = header.Require(path, ActualColumn, ForecastColumn);
        var attributes = header.Others(path, DataFileError.NoAttributeColumns, measures);
        var attributeNames = new string[attributes.Length];
        var pools = new AttributeValuePool[attributes.Length];
        var capacity = text.Length / 32;
        var codes = new List<int>[attributes.Length];
        for (var i = 0; i < attributes.Length; i++)
        {
            attributeNames[i] = header.Names[attributes[i]];
            pools[i] = new AttributeValuePool();
            codes[i] = new List<int>(capacity);
        }

        var actual = new List<double>(capacity);
        var forecast = new List<double>(capacity);
        var lines = new List<int>(capacity);
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

            actual.Add(MeasureCell.Parse(tokenizer[measures[0]], path, line, measures[0] + 1, ActualColumn));
            forecast.Add(MeasureCell.Parse(tokenizer[measures[1]], path, line, measures[1] + 1, ForecastColumn));
            for (var i = 0; i < attributes.Length; i++)
            {
                codes[i].Add(pools[i].Encode(tokenizer[attributes[i]]));
            }

            lines.Add(line);
        }

        if (actual.Count == 0)
        {
            throw new InvalidDataFileException(path, null, null, DataFileError.NoDataRows, []);
        }

        var codeArrays = new int[attributes.Length][];
        for (var i = 0; i < attributes.Length; i++)
        {
            codeArrays[i] = [.. codes[i]];
        }

        return new MeasureFile(path, header.Line, attributeNames, pools, codeArrays, [.. actual], [.. forecast], [.. lines]);
    }

    /// <summary>Throws when a leaf repeats an earlier row, naming both lines.</summary>
    public void RejectRepeatedLeaves()
    {
        var sizes = new int[Pools.Length];
        for (var attribute = 0; attribute < sizes.Length; attribute++)
        {
            sizes[attribute] = Pools[attribute].Values.Count;
        }

        var (row, earlier) = LeafTableEncoder.FindRepeatedLeaf(Codes, sizes, RowCount);
        if (row >= 0)
        {
            throw new InvalidDataFileException(Path, Lines[row], null, DataFileError.RepeatedLeaf, [DescribeLeaf(row), Lines[earlier]]);
        }
    }
}
