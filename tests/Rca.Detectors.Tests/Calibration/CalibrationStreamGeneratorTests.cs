using Rca.Detectors.Calibration;
using Rca.Detectors.Data;
using Rca.Detectors.Synthetic.Calibration;

namespace Rca.Detectors.Tests.Calibration;

public sealed class CalibrationStreamGeneratorTests
{
    private static CalibrationStreamOptions Options => new() { WindowCount = 4, MeanImpressionsPerWindow = 5_000_000 };

    private static string Csv(CalibrationStream stream)
    {
        using var writer = new StringWriter();
        CalibrationCsvWriter.WriteAggregates(stream.Windows, writer);
        return writer.ToString();
    }

    [Fact]
    public void Generate_SameSeedSameRows()
    {
        var first = new CalibrationStreamGenerator(Options, new Random(3)).Generate([]);
        var second = new CalibrationStreamGenerator(Options, new Random(3)).Generate([]);
        var other = new CalibrationStreamGenerator(Options, new Random(4)).Generate([]);

        Assert.Equal(Csv(first), Csv(second));
        Assert.NotEqual(Csv(first), Csv(other));
    }

    [Fact]
    public void Generate_CalibratedModel()
    {
        var stream = new CalibrationStreamGenerator(Options, new Random(3)).Generate([]);

        // About 5 million impressions at a 2–5 % base rate give over 50 000 labels, so the
        // overall ratio of a calibrated model is within a few per cent of 1.
        foreach (var window in stream.Windows)
        {
            var ratio = window.Totals().CalibrationRatio!.Value;
            Assert.InRange(ratio, 0.97, 1.03);
            Assert.True(window.HasPredictionSquareSum);
            Assert.Equal(["site", "ad_category", "device", "region"], window.FieldNames);
        }
    }

    [Fact]
    public void Generate_InjectsDrift()
    {
        var generator = new CalibrationStreamGenerator(Options, new Random(3));
        var segment = generator.ChooseSegments(1, layer: 1, minShare: 0.05)[0];

        var stream = generator.Generate([new CalibrationDrift(segment, 1.3, FromWindow: 2)]);
        var before = MiscalibratedSegmentLocalizer.SegmentTotals(stream.Windows[1], segment);
        var after = MiscalibratedSegmentLocalizer.SegmentTotals(stream.Windows[2], segment);

        Assert.True(generator.ImpressionShare(segment) >= 0.05);
        Assert.InRange(before.CalibrationRatio!.Value, 0.95, 1.05);
        Assert.InRange(after.CalibrationRatio!.Value, 1.25, 1.35);
    }

    [Fact]
    public void Generate_DelaysLabels()
    {
        // Exponential delay with a mean of one hour, observed at the end of the last window. Its
        // impressions have ages spread over (0, 1] hour, and the mean of 1 − e^−a over them is
        // 1 − (1 − e^−1) = e^−1 = 0.368, so about 36.8 % of its labels have arrived.
        var curve = LabelCompletionCurve.Exponential(TimeSpan.FromHours(1), 256);
        var lastEnd = Options.Start + Options.WindowLength * Options.WindowCount;
        var options = Options with { LabelDelay = curve, ObservedAt = lastEnd };

        var stream = new CalibrationStreamGenerator(options, new Random(3)).Generate([]);
        var last = stream.Windows[^1].Totals();

        Assert.Equal(lastEnd, stream.ObservedAt);
        Assert.InRange(last.Labels / last.PredictionSum, 0.35, 0.39);
        Assert.InRange(curve.WindowFraction(stream.Windows[^1].Start, lastEnd, lastEnd), 0.366, 0.370);
    }

    [Fact]
    public void Generate_RejectsOverlappingDrifts()
    {
        var generator = new CalibrationStreamGenerator(Options, new Random(3));
        CalibrationDrift[] drifts =
        [
            new(AttributeCombination.Parse("site=site_1"), 1.3, 0),
            new(AttributeCombination.Parse("device=device_0"), 1.3, 0),
        ];

        var error = Assert.Throws<ArgumentException>(() => generator.Generate(drifts));

        Assert.Contains("overlap", error.Message);
    }

    [Fact]
    public void ChooseSegments_Disjoint()
    {
        var generator = new CalibrationStreamGenerator(Options, new Random(5));

        var segments = generator.ChooseSegments(2, layer: 2, minShare: 0.02);

        Assert.Equal(2, segments.Count);
        Assert.All(segments, segment => Assert.Equal(2, segment.Layer));
        Assert.Contains(segments[0].Pairs, pair => segments[1][pair.Key] is { } other && other != pair.Value);
    }
}
