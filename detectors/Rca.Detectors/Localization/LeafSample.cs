using Rca.Detectors.Data;

namespace Rca.Detectors.Localization;

/// <summary>
/// The valid leaves of one table in the compact form the localizer works on: actual and
/// forecast on the measure's scale, the sums they roll up from, and attribute codes.
/// </summary>
internal sealed class LeafSample
{
    private LeafSample(
        LeafTable table,
        int[] leaves,
        double[] actual,
        double[] forecast,
        double[] actualNumerator,
        double[] forecastNumerator,
        double[]? actualDenominator,
        double[]? forecastDenominator,
        int[][] codes)
    {
        Table = table;
        Leaves = leaves;
        Actual = actual;
        Forecast = forecast;
        ActualNumerator = actualNumerator;
        ForecastNumerator = forecastNumerator;
        ActualDenominator = actualDenominator;
        ForecastDenominator = forecastDenominator;
        Codes = codes;
    }

    public LeafTable Table { get; }

    /// <summary>The index in <see cref="Table"/> of each valid leaf.</summary>
    public int[] Leaves { get; }

    public int Count => Leaves.Length;

    /// <summary>The actual value on the measure's scale (the leaf ratio for a derived measure).</summary>
    public double[] Actual { get; }

    /// <summary>The forecast on the measure's scale (the leaf ratio for a derived measure).</summary>
    public double[] Forecast { get; }

    /// <summary>The actual values (fundamental) or numerators (derived) that roll up by summing.</summary>
    public double[] ActualNumerator { get; }

    public double[] ForecastNumerator { get; }

    public double[]? ActualDenominator { get; }

    public double[]? ForecastDenominator { get; }

    public bool IsDerived => ActualDenominator is not null;

    /// <summary>The attribute codes per attribute, indexed by valid leaf.</summary>
    public int[][] Codes { get; }

    /// <summary>
    /// Selects the valid leaves: those with any non-zero number. Leaves with a zero forecast and
    /// a positive actual (new traffic) stay in. A derived measure is prepared as the
    /// <see cref="PSqueezeOptions.DerivedMeasure"/> option sets.
    /// </summary>
    public static LeafSample Create(LeafTable table, PSqueezeOptions options)
    {
        if (table.Kind == MeasureKind.Derived && options.DerivedMeasure == DerivedMeasureMode.ExpectedNumerator)
        {
            return CreateExpectedNumerator(table, options.UseRarerOutcome);
        }

        var actual = table.Actual;
        var forecast = table.Forecast;
        var derived = table.Kind == MeasureKind.Derived;
        var actualDenominator = table.ActualDenominator;
        var forecastDenominator = table.ForecastDenominator;

        var valid = new List<int>(table.LeafCount);
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            var any = actual[leaf] > 0 || forecast[leaf] > 0
                || (derived && (actualDenominator[leaf] > 0 || forecastDenominator[leaf] > 0));
            if (any)
            {
                valid.Add(leaf);
            }
        }

        var leaves = valid.ToArray();
        var count = leaves.Length;
        var actualValues = new double[count];
        var forecastValues = new double[count];
        var actualNumerators = new double[count];
        var forecastNumerators = new double[count];
        var actualDenominators = derived ? new double[count] : null;
        var forecastDenominators = derived ? new double[count] : null;
        for (var i = 0; i < count; i++)
        {
            var leaf = leaves[i];
            actualNumerators[i] = actual[leaf];
            forecastNumerators[i] = forecast[leaf];
            if (derived)
            {
                actualDenominators![i] = actualDenominator[leaf];
                forecastDenominators![i] = forecastDenominator[leaf];
                actualValues[i] = LeafTable.Ratio(actual[leaf], actualDenominator[leaf]);
                forecastValues[i] = LeafTable.Ratio(forecast[leaf], forecastDenominator[leaf]);
            }
            else
            {
                actualValues[i] = actual[leaf];
                forecastValues[i] = forecast[leaf];
            }
        }

        return new LeafSample(
            table, leaves, actualValues, forecastValues, actualNumerators, forecastNumerators,
            actualDenominators, forecastDenominators, Compact(table, leaves));
    }

    /// <summary>
    /// Turns a ratio into counts: each leaf's actual numerator against the numerator its forecast
    /// ratio predicts for its actual denominator. A leaf without forecast denominator takes the
    /// total's forecast ratio. For a proportion (no numerator above its denominator) whose
    /// forecast total is above one half, the complement <c>b − a</c> is used: a change of the
    /// rate shows as a larger relative change on the rarer outcome, where counts are also closest
    /// to Poisson.
    /// </summary>
    private static LeafSample CreateExpectedNumerator(LeafTable table, bool useRarerOutcome)
    {
        var actual = table.Actual;
        var forecast = table.Forecast;
        var actualDenominator = table.ActualDenominator;
        var forecastDenominator = table.ForecastDenominator;
        double forecastSum = 0, forecastDenominatorSum = 0;
        var proportion = true;
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            forecastSum += forecast[leaf];
            forecastDenominatorSum += forecastDenominator[leaf];
            proportion &= actual[leaf] <= actualDenominator[leaf] && forecast[leaf] <= forecastDenominator[leaf];
        }

        var complement = useRarerOutcome && proportion && LeafTable.Ratio(forecastSum, forecastDenominatorSum) > 0.5;
        var totalRatio = LeafTable.Ratio(complement ? forecastDenominatorSum - forecastSum : forecastSum, forecastDenominatorSum);

        var valid = new List<int>(table.LeafCount);
        var actualList = new List<double>(table.LeafCount);
        var forecastList = new List<double>(table.LeafCount);
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            var actualNumerator = complement ? actualDenominator[leaf] - actual[leaf] : actual[leaf];
            var forecastNumerator = complement ? forecastDenominator[leaf] - forecast[leaf] : forecast[leaf];
            var ratio = forecastDenominator[leaf] > 0 ? forecastNumerator / forecastDenominator[leaf] : totalRatio;
            var expected = ratio * actualDenominator[leaf];
            if (actualNumerator > 0 || expected > 0)
            {
                valid.Add(leaf);
                actualList.Add(actualNumerator);
                forecastList.Add(expected);
            }
        }

        var leaves = valid.ToArray();
        var actualValues = actualList.ToArray();
        var forecastValues = forecastList.ToArray();
        return new LeafSample(
            table, leaves, actualValues, forecastValues, actualValues, forecastValues,
            null, null, Compact(table, leaves));
    }

    private static int[][] Compact(LeafTable table, int[] leaves)
    {
        var codes = new int[table.AttributeCount][];
        for (var attribute = 0; attribute < codes.Length; attribute++)
        {
            var source = table.GetCodes(attribute);
            var column = new int[leaves.Length];
            for (var i = 0; i < leaves.Length; i++)
            {
                column[i] = source[leaves[i]];
            }

            codes[attribute] = column;
        }

        return codes;
    }

    /// <summary>
    /// Rolls up the actual and forecast of the table's own measure over a set of valid leaves:
    /// sums for a fundamental measure, ratios of sums for a derived one.
    /// </summary>
    public (double Actual, double Forecast) RollUpMeasure(IEnumerable<int> leaves)
    {
        double actual = 0, forecast = 0, actualDenominator = 0, forecastDenominator = 0;
        var derived = Table.Kind == MeasureKind.Derived;
        foreach (var leaf in leaves)
        {
            var row = Leaves[leaf];
            actual += Table.Actual[row];
            forecast += Table.Forecast[row];
            if (derived)
            {
                actualDenominator += Table.ActualDenominator[row];
                forecastDenominator += Table.ForecastDenominator[row];
            }
        }

        return derived
            ? (LeafTable.Ratio(actual, actualDenominator), LeafTable.Ratio(forecast, forecastDenominator))
            : (actual, forecast);
    }
}
