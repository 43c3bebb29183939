namespace Rca.Detectors.Data;

/// <summary>
/// Reads cases in the layout of the Squeeze and PSqueeze data sets: a fundamental measure as
/// <c>{timestamp}.csv</c> with columns <c>real</c>, <c>predict</c> and the attributes, in any
/// order; a derived measure as <c>{timestamp}.a.csv</c> (numerators) plus
/// <c>{timestamp}.b.csv</c> (denominators) with the same columns and the same leaves.
/// </summary>
/// <remarks>
/// Files are UTF-8 with or without a byte order mark, with LF or CRLF line ends and RFC 4180
/// quoting. <c>real</c> is the actual value and <c>predict</c> the forecast. Every other column
/// is an attribute, and its values are taken verbatim, with no trimming. An empty attribute
/// value is a value of its own (the empty string). An empty measure cell is an error. Blank
/// lines are skipped. Measures are invariant-culture numbers such as <c>12.5</c> or
/// <c>1e3</c>. Negative, NaN and infinite measures are errors. Every problem raises
/// <see cref="InvalidDataFileException"/> with the file, line and column.
/// </remarks>
public static class SqueezeCsvReader
{
    /// <summary>The file name suffix of the numerator file of a derived case.</summary>
    public const string NumeratorSuffix = ".a.csv";

    /// <summary>The file name suffix of the denominator file of a derived case.</summary>
    public const string DenominatorSuffix = ".b.csv";

    /// <summary>
    /// Reads a case from a path: a <c>.a.csv</c> or <c>.b.csv</c> path reads the derived pair
    /// (the other file must sit next to it), any other path a fundamental case.
    /// </summary>
    /// <exception cref="InvalidDataFileException">The file, or its pair, is missing or malformed.</exception>
    public static LeafTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(NumeratorSuffix, StringComparison.Ordinal))
        {
            var denominator = string.Concat(path.AsSpan(0, path.Length - NumeratorSuffix.Length), DenominatorSuffix);
            RequirePair(path, denominator, DataFileError.DenominatorFileMissing);
            return ReadDerived(path, denominator);
        }

        if (path.EndsWith(DenominatorSuffix, StringComparison.Ordinal))
        {
            var numerator = string.Concat(path.AsSpan(0, path.Length - DenominatorSuffix.Length), NumeratorSuffix);
            RequirePair(path, numerator, DataFileError.NumeratorFileMissing);
            return ReadDerived(numerator, path);
        }

        return ReadFundamental(DataFileText.ReadFile(path), path);
    }

    /// <summary>Reads a fundamental case from a stream; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataFileException">The content is malformed.</exception>
    public static LeafTable Read(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return ReadFundamental(DataFileText.ReadStream(stream, displayName), displayName);
    }

    /// <summary>Reads a derived case from its numerator and denominator files.</summary>
    /// <exception cref="InvalidDataFileException">A file is missing or malformed, or the two files disagree on their leaves.</exception>
    public static LeafTable ReadDerived(string numeratorPath, string denominatorPath)
    {
        ArgumentNullException.ThrowIfNull(numeratorPath);
        ArgumentNullException.ThrowIfNull(denominatorPath);
        var numerator = MeasureFile.Parse(DataFileText.ReadFile(numeratorPath), numeratorPath);
        var denominator = MeasureFile.Parse(DataFileText.ReadFile(denominatorPath), denominatorPath);
        return JoinDerived(numerator, denominator);
    }

    /// <summary>Reads a derived case from two streams; the display names name them in errors.</summary>
    /// <exception cref="InvalidDataFileException">A stream is malformed, or the two disagree on their leaves.</exception>
    public static LeafTable ReadDerived(Stream numerator, string numeratorName, Stream denominator, string denominatorName)
    {
        ArgumentNullException.ThrowIfNull(numeratorName);
        ArgumentNullException.ThrowIfNull(denominatorName);
        var numeratorFile = MeasureFile.Parse(DataFileText.ReadStream(numerator, numeratorName), numeratorName);
        var denominatorFile = MeasureFile.Parse(DataFileText.ReadStream(denominator, denominatorName), denominatorName);
        return JoinDerived(numeratorFile, denominatorFile);
    }

    private static void RequirePair(string path, string pair, DataFileError pairMissing)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataFileException(path, null, null, DataFileError.FileNotFound, []);
        }

        if (!File.Exists(pair))
        {
            throw new InvalidDataFileException(path, null, null, pairMissing, [System.IO.Path.GetFileName(pair)]);
        }
    }

    private static LeafTable ReadFundamental(string text, string path)
    {
        var file = MeasureFile.Parse(text, path);
        file.RejectRepeatedLeaves();
        return LeafTableEncoder.Create(
            MeasureKind.Fundamental, file.AttributeNames, file.Dictionaries(), file.Codes, file.Actual, file.Forecast);
    }

    private static LeafTable JoinDerived(MeasureFile numerator, MeasureFile denominator)
    {
        var denominatorOrder = MatchAttributes(numerator, denominator);
        numerator.RejectRepeatedLeaves();
        denominator.RejectRepeatedLeaves();

        // Keys every denominator leaf by the numerator's codes; a value the numerator file
        // never uses gives code -1, so that leaf cannot match.
        var attributeCount = numerator.AttributeNames.Length;
        var translations = new int[attributeCount][];
        for (var i = 0; i < attributeCount; i++)
        {
            var values = denominator.Pools[denominatorOrder[i]].Values;
            translations[i] = new int[values.Count];
            for (var code = 0; code < values.Count; code++)
            {
                translations[i][code] = numerator.Pools[i].Find(values[code]);
            }
        }

        var denominatorRows = new Dictionary<string, int>(denominator.RowCount, StringComparer.Ordinal);
        var key = new int[attributeCount];
        for (var row = 0; row < denominator.RowCount; row++)
        {
            for (var i = 0; i < attributeCount; i++)
            {
                key[i] = translations[i][denominator.Codes[denominatorOrder[i]][row]];
            }

            denominatorRows.Add(string.Join(',', key), row);
        }

        var actualDenominator = new double[numerator.RowCount];
        var forecastDenominator = new double[numerator.RowCount];
        var matched = new bool[denominator.RowCount];
        for (var row = 0; row < numerator.RowCount; row++)
        {
            for (var i = 0; i < attributeCount; i++)
            {
                key[i] = numerator.Codes[i][row];
            }

            if (!denominatorRows.TryGetValue(string.Join(',', key), out var partner))
            {
                throw new InvalidDataFileException(
                    numerator.Path,
                    numerator.Lines[row],
                    null,
                    DataFileError.LeafMissingFromDenominator,
                    [numerator.DescribeLeaf(row), System.IO.Path.GetFileName(denominator.Path)]);
            }

            actualDenominator[row] = denominator.Actual[partner];
            forecastDenominator[row] = denominator.Forecast[partner];
            matched[partner] = true;
        }

        var unmatched = Array.IndexOf(matched, false);
        if (unmatched >= 0)
        {
            throw new InvalidDataFileException(
                denominator.Path,
                denominator.Lines[unmatched],
                null,
                DataFileError.LeafMissingFromNumerator,
                [denominator.DescribeLeaf(unmatched), System.IO.Path.GetFileName(numerator.Path)]);
        }

        return LeafTableEncoder.Create(
            MeasureKind.Derived,
            numerator.AttributeNames,
            numerator.Dictionaries(),
            numerator.Codes,
            numerator.Actual,
            numerator.Forecast,
            actualDenominator,
            forecastDenominator);
    }

    // For each numerator attribute, the index of the same attribute in the denominator file.
    private static int[] MatchAttributes(MeasureFile numerator, MeasureFile denominator)
    {
        var order = new int[numerator.AttributeNames.Length];
        var sameSet = numerator.AttributeNames.Length == denominator.AttributeNames.Length;
        for (var i = 0; i < order.Length && sameSet; i++)
        {
            order[i] = Array.IndexOf(denominator.AttributeNames, numerator.AttributeNames[i]);
            sameSet = order[i] >= 0;
        }

        if (!sameSet)
        {
            throw new InvalidDataFileException(
                denominator.Path,
                denominator.HeaderLine,
                null,
                DataFileError.AttributeColumnsDiffer,
                [string.Join(",", denominator.AttributeNames), string.Join(",", numerator.AttributeNames), System.IO.Path.GetFileName(numerator.Path)]);
        }

        return order;
    }
}
