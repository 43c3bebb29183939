namespace Rca.Detectors.Data;

/// <summary>
/// Builds a <see cref="LeafTable"/> from columns that are already dictionary-encoded, without
/// the per-row allocations of <see cref="LeafTableBuilder"/>: the fast path of the file
/// readers and the generator. It enforces the same rules: no repeated leaf, and every measure
/// finite and not negative.
/// </summary>
internal static class LeafTableEncoder
{
    /// <summary>
    /// Returns the first row whose leaf repeats an earlier row, with that earlier row, or
    /// (-1, -1) when every leaf is distinct.
    /// </summary>
    public static (int Row, int EarlierRow) FindRepeatedLeaf(int[][] codes, int[] dictionarySizes, int rowCount)
    {
        var radix = new long[codes.Length];
        var product = 1.0;
        for (var attribute = codes.Length - 1; attribute >= 0; attribute--)
        {
            radix[attribute] = (long)product;
            product *= Math.Max(dictionarySizes[attribute], 1);
        }

        if (product < long.MaxValue)
        {
            var seen = new Dictionary<long, int>(rowCount);
            for (var row = 0; row < rowCount; row++)
            {
                long key = 0;
                for (var attribute = 0; attribute < codes.Length; attribute++)
                {
                    key += codes[attribute][row] * radix[attribute];
                }

                if (!seen.TryAdd(key, row))
                {
                    return (row, seen[key]);
                }
            }

            return (-1, -1);
        }

        // More value combinations than a long holds: key on the code tuple as text.
        var seenText = new Dictionary<string, int>(rowCount, StringComparer.Ordinal);
        var buffer = new int[codes.Length];
        for (var row = 0; row < rowCount; row++)
        {
            for (var attribute = 0; attribute < codes.Length; attribute++)
            {
                buffer[attribute] = codes[attribute][row];
            }

            var key = string.Join(',', buffer);
            if (!seenText.TryAdd(key, row))
            {
                return (row, seenText[key]);
            }
        }

        return (-1, -1);
    }

    /// <summary>
    /// Creates the table, re-encoding each attribute so codes follow the ordinal order of the
    /// values. Takes ownership of every array passed in.
    /// </summary>
    /// <exception cref="ArgumentException">A measure is negative or not finite.</exception>
    public static LeafTable Create(
        MeasureKind kind,
        string[] attributeNames,
        string[][] dictionaries,
        int[][] codes,
        double[] actual,
        double[] forecast,
        double[]? actualDenominator = null,
        double[]? forecastDenominator = null)
    {
        CheckMeasures(actual, nameof(actual));
        CheckMeasures(forecast, nameof(forecast));
        if (kind == MeasureKind.Derived)
        {
            ArgumentNullException.ThrowIfNull(actualDenominator);
            ArgumentNullException.ThrowIfNull(forecastDenominator);
            CheckMeasures(actualDenominator, nameof(actualDenominator));
            CheckMeasures(forecastDenominator, nameof(forecastDenominator));
        }

        var sortedDictionaries = new string[dictionaries.Length][];
        for (var attribute = 0; attribute < dictionaries.Length; attribute++)
        {
            var values = dictionaries[attribute];
            var order = new int[values.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var sorted = (string[])values.Clone();
            Array.Sort(sorted, order, StringComparer.Ordinal);
            var remap = new int[values.Length];
            for (var position = 0; position < order.Length; position++)
            {
                remap[order[position]] = position;
            }

            var column = codes[attribute];
            for (var row = 0; row < column.Length; row++)
            {
                column[row] = remap[column[row]];
            }

            sortedDictionaries[attribute] = sorted;
        }

        return new LeafTable(
            kind,
            attributeNames,
            sortedDictionaries,
            codes,
            actual,
            forecast,
            kind == MeasureKind.Derived ? actualDenominator : null,
            kind == MeasureKind.Derived ? forecastDenominator : null);
    }

    private static void CheckMeasures(double[] values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0)
            {
                throw new ArgumentException($"The {name} of leaf {i} must be a finite number that is not negative, got {values[i]}.", name);
            }
        }
    }
}
