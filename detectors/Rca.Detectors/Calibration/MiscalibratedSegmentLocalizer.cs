using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Calibration;

/// <summary>
/// Localizes the segments responsible for a calibration drift: PSqueeze runs on the leaves
/// (every combination of field values) with <c>actual = Y</c> and <c>forecast = P</c> as a
/// fundamental measure, and each combination of its root-cause sets is then z-tested, so only
/// statistically miscalibrated segments are reported.
/// </summary>
public sealed class MiscalibratedSegmentLocalizer
{
    private readonly PSqueezeLocalizer _localizer;
    private readonly SegmentTestOptions _testOptions;
    private readonly double _minLeafPredictionSum;

    /// <summary>The default minimum predicted label count of a leaf in the localizer's leaf table.</summary>
    public const double DefaultMinLeafPredictionSum = 20;

    /// <summary>Creates a localizer with the given PSqueeze and z-test options, or the calibration defaults of <see cref="CalibrationDriftOptions"/>.</summary>
    /// <param name="localizerOptions">The PSqueeze options; null lowers the normal-deviation threshold to 0.05 and keeps the other defaults.</param>
    /// <param name="testOptions">The z-test the localized segments must pass.</param>
    /// <param name="minLeafPredictionSum">
    /// Leaves with fewer predicted labels than this are left out of the localizer's leaf table
    /// (they still count in the segments' totals and z-tests).
    /// </param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MiscalibratedSegmentLocalizer(
        PSqueezeOptions? localizerOptions = null,
        SegmentTestOptions? testOptions = null,
        double minLeafPredictionSum = DefaultMinLeafPredictionSum)
    {
        if (!(minLeafPredictionSum >= 0 && double.IsFinite(minLeafPredictionSum)))
        {
            throw new ArgumentOutOfRangeException(nameof(minLeafPredictionSum), minLeafPredictionSum, "The smallest leaf prediction sum must be a finite number of 0 or more.");
        }

        _minLeafPredictionSum = minLeafPredictionSum;
        _localizer = new PSqueezeLocalizer(localizerOptions ?? new PSqueezeOptions { NormalDeviationThreshold = 0.05 });
        _testOptions = testOptions ?? new SegmentTestOptions();
        var problem = _testOptions.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(testOptions));
        }
    }

    /// <summary>Localizes the miscalibrated segments of one window.</summary>
    public SegmentLocalization Localize(CalibrationWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var leaves = BuildLeafTable(window, _minLeafPredictionSum);
        var result = _localizer.Localize(leaves, cancellationToken);

        var tested = new List<MiscalibratedSegment>();
        var seen = new HashSet<AttributeCombination>();
        foreach (var set in result.RootCauseSets)
        {
            foreach (var combination in set.Combinations)
            {
                if (seen.Add(combination))
                {
                    var totals = SegmentTotals(window, combination);
                    tested.Add(new MiscalibratedSegment(combination, totals, SegmentZTest.Test(totals, _testOptions)));
                }
            }
        }

        var flagged = tested.Where(segment => segment.Test.Flagged).OrderByDescending(segment => Math.Abs(segment.Test.Z)).ToArray();
        var rejected = tested.Where(segment => !segment.Test.Flagged).ToArray();
        return new SegmentLocalization(flagged, rejected, result);
    }

    /// <summary>Returns the totals of the rows under a segment, summed over buckets and field values the segment leaves open.</summary>
    /// <exception cref="ArgumentException">The segment names a field the window does not have.</exception>
    public static CalibrationTotals SegmentTotals(CalibrationWindow window, AttributeCombination segment)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(segment);
        var fields = new int[segment.Layer];
        var values = new string[segment.Layer];
        for (var i = 0; i < fields.Length; i++)
        {
            var pair = segment.Pairs[i];
            fields[i] = IndexOf(window.FieldNames, pair.Key);
            if (fields[i] < 0)
            {
                throw new ArgumentException(
                    $"Segment '{segment}' names field '{pair.Key}', which the window does not have ({string.Join(", ", window.FieldNames)}).", nameof(segment));
            }

            values[i] = pair.Value;
        }

        var totals = CalibrationTotals.Empty;
        foreach (var row in window.Rows)
        {
            var matches = true;
            for (var i = 0; i < fields.Length && matches; i++)
            {
                matches = row.FieldValues[fields[i]] == values[i];
            }

            if (matches)
            {
                totals = totals.Add(row);
            }
        }

        return totals;
    }

    /// <summary>
    /// Builds the fundamental leaf table with <c>actual = Y</c> and <c>forecast = P</c>, one leaf
    /// per combination of field values with at least <paramref name="minPredictionSum"/> predicted labels.
    /// </summary>
    /// <remarks>
    /// A leaf with a handful of expected labels has a deviation score dominated by sampling noise
    /// (a leaf with <c>P = 3</c> and <c>Y = 0</c> scores 1), and many such leaves bury the cluster of a
    /// real drift in PSqueeze's deviation histogram, while they carry little of any segment's labels.
    /// </remarks>
    public static LeafTable BuildLeafTable(CalibrationWindow window, double minPredictionSum = 0)
    {
        ArgumentNullException.ThrowIfNull(window);
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string[]>();
        var labels = new List<double>();
        var predictions = new List<double>();
        foreach (var row in window.Rows)
        {
            var key = string.Join('\u001f', row.FieldValues);
            if (!sums.TryGetValue(key, out var leaf))
            {
                leaf = keys.Count;
                sums.Add(key, leaf);
                keys.Add([.. row.FieldValues]);
                labels.Add(0);
                predictions.Add(0);
            }

            labels[leaf] += row.Labels;
            predictions[leaf] += row.PredictionSum;
        }

        var builder = new LeafTableBuilder(window.FieldNames, MeasureKind.Fundamental);
        for (var leaf = 0; leaf < keys.Count; leaf++)
        {
            if (predictions[leaf] >= minPredictionSum)
            {
                builder.Add(keys[leaf], labels[leaf], predictions[leaf]);
            }
        }

        return builder.Build();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
