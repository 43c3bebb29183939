namespace Rca.Detectors.Data;

/// <summary>
/// Reads the RS layout: an <c>anomaly.yaml</c> manifest and one CSV file per case with the
/// columns <c>min</c> (Unix seconds of the minute), the attributes, <c>value</c> (successful
/// requests) and <c>cnt</c> (attempts), in any order.
/// </summary>
/// <remarks>
/// A case becomes a <see cref="MeasureKind.Derived"/> table of failure rates for its anomaly
/// minute. The actual numerator is the failures <c>cnt − value</c> and the denominator
/// <c>cnt</c>. The forecast numerator and denominator are the means of the same leaf's failures
/// and attempts over the <see cref="HistoryMinutes"/> minutes before. A minute in which the
/// leaf has no row counts as 0. The leaves are every leaf seen in those five minutes, so a
/// leaf that vanished at the anomaly minute has actual 0. Rows of other minutes are checked
/// but not used.
/// </remarks>
public static class RsDatasetReader
{
    /// <summary>The manifest file name of an RS folder.</summary>
    public const string ManifestFileName = "anomaly.yaml";

    /// <summary>The number of minutes before the anomaly minute whose mean is the forecast.</summary>
    public const int HistoryMinutes = 4;

    private const string MinuteColumn = "min";
    private const string SuccessColumn = "value";
    private const string AttemptColumn = "cnt";

    /// <summary>Reads a manifest file.</summary>
    /// <exception cref="InvalidDataFileException">The file is missing or outside the supported YAML subset.</exception>
    public static IReadOnlyList<RsCase> ReadManifest(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return RsManifestParser.Parse(DataFileText.ReadFile(path), path);
    }

    /// <summary>Reads a manifest from a stream; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataFileException">The content is outside the supported YAML subset.</exception>
    public static IReadOnlyList<RsCase> ReadManifest(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return RsManifestParser.Parse(DataFileText.ReadStream(stream, displayName), displayName);
    }

    /// <summary>Reads the table of one case file for its anomaly minute.</summary>
    /// <exception cref="InvalidDataFileException">The file is missing or malformed, or has no row for the anomaly minute.</exception>
    public static LeafTable ReadCase(string path, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseCase(DataFileText.ReadFile(path), path, timestamp);
    }

    /// <summary>Reads the table of one case from a stream; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataFileException">The content is malformed or has no row for the anomaly minute.</exception>
    public static LeafTable ReadCase(Stream stream, string displayName, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return ParseCase(DataFileText.ReadStream(stream, displayName), displayName, timestamp);
    }

    private static LeafTable ParseCase(string text, string path, long timestamp)
    {
        var tokenizer = new CsvTokenizer(text, path);
        var header = CsvHeader.Read(tokenizer, path);
        var measures = header.Require(path, MinuteColumn, SuccessColumn, AttemptColumn);
        var attributes = header.Others(path, DataFileError.NoRsAttributeColumns, measures);
        var attributeNames = new string[attributes.Length];
        var pools = new AttributeValuePool[attributes.Length];
        for (var i = 0; i < attributes.Length; i++)
        {
            attributeNames[i] = header.Names[attributes[i]];
            pools[i] = new AttributeValuePool();
        }

        // Slot 0 is the anomaly minute, slot k the minute k minutes before.
        var window = new RsLeafWindow(attributeNames, HistoryMinutes + 1);
        var values = new string[attributes.Length];
        var anomalyRows = 0;
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

            var minute = MeasureCell.ParseSeconds(tokenizer[measures[0]], path, line, measures[0] + 1, MinuteColumn);
            var successes = MeasureCell.Parse(tokenizer[measures[1]], path, line, measures[1] + 1, SuccessColumn);
            var attempts = MeasureCell.Parse(tokenizer[measures[2]], path, line, measures[2] + 1, AttemptColumn);
            if (successes > attempts)
            {
                throw new InvalidDataFileException(path, line, measures[1] + 1, DataFileError.SuccessesExceedAttempts, [successes, attempts]);
            }

            for (var i = 0; i < attributes.Length; i++)
            {
                var pool = pools[i];
                values[i] = pool.Values[pool.Encode(tokenizer[attributes[i]])];
            }

            var slot = SlotOf(minute, timestamp);
            var repeated = window.Add(values, minute, slot, attempts - successes, attempts, line);
            if (repeated > 0)
            {
                throw new InvalidDataFileException(
                    path, line, null, DataFileError.RepeatedLeafInMinute, [MeasureFile.DescribeLeaf(attributeNames, values), repeated, minute]);
            }

            if (slot == 0)
            {
                anomalyRows++;
            }
        }

        if (anomalyRows == 0)
        {
            throw new InvalidDataFileException(path, null, null, DataFileError.NoAnomalyMinuteRows, [timestamp]);
        }

        return window.Build(HistoryMinutes);
    }

    // The window slot of a minute: 0 for the anomaly minute, k for k minutes before, -1 outside.
    private static int SlotOf(long minute, long timestamp)
    {
        var offset = timestamp - minute;
        if (offset < 0 || offset % 60 != 0 || offset / 60 > HistoryMinutes)
        {
            return -1;
        }

        return (int)(offset / 60);
    }
}
