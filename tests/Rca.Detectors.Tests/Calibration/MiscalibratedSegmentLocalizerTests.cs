using Rca.Detectors.Calibration;
using Rca.Detectors.Data;
using Rca.Detectors.Synthetic.Calibration;

namespace Rca.Detectors.Tests.Calibration;

public sealed class MiscalibratedSegmentLocalizerTests
{
    private static CalibrationStreamGenerator Generator(int seed) =>
        new(new CalibrationStreamOptions { WindowCount = 1, MeanImpressionsPerWindow = 20_000_000 }, new Random(seed));

    [Fact]
    public void Localize_OneSegment()
    {
        var generator = Generator(11);
        var segment = AttributeCombination.Parse("site=site_2");
        var window = generator.Generate([new CalibrationDrift(segment, 1.3, 0)]).Windows[0];

        var result = new MiscalibratedSegmentLocalizer().Localize(window, TestContext.Current.CancellationToken);

        var found = Assert.Single(result.Segments);
        Assert.Equal(segment, found.Segment);

        // Over-prediction by 1.3: P/Y near 1.3, a correction factor near 1/1.3 = 0.769, and a
        // strongly negative z.
        Assert.InRange(found.CalibrationRatio!.Value, 1.26, 1.34);
        Assert.InRange(found.CorrectionFactor!.Value, 0.74, 0.80);
        Assert.True(found.Test.Z < -4);
        Assert.True(found.Test.Flagged);
    }

    [Fact]
    public void Localize_TwoSegments()
    {
        var generator = Generator(12);
        var over = AttributeCombination.Parse("region=region_1");
        var under = AttributeCombination.Parse("region=region_3");
        var window = generator.Generate([new CalibrationDrift(over, 1.3, 0), new CalibrationDrift(under, 0.75, 0)]).Windows[0];

        var result = new MiscalibratedSegmentLocalizer().Localize(window, TestContext.Current.CancellationToken);

        Assert.Equal([over, under], result.Segments.Select(segment => segment.Segment).Order());
        var underPredicted = result.Segments.Single(segment => segment.Segment.Equals(under));
        Assert.True(underPredicted.Test.Z > 4);
        Assert.InRange(underPredicted.CorrectionFactor!.Value, 1.28, 1.39);
    }

    [Fact]
    public void Localize_FiltersByZTest()
    {
        // Over-prediction by 8 % is below the 10 % minimum effect size, so whatever the localizer
        // returns is rejected rather than reported.
        var generator = Generator(13);
        var window = generator.Generate([new CalibrationDrift(AttributeCombination.Parse("site=site_4"), 1.08, 0)]).Windows[0];

        var result = new MiscalibratedSegmentLocalizer().Localize(window, TestContext.Current.CancellationToken);

        Assert.Empty(result.Segments);
        Assert.All(result.Rejected, segment => Assert.False(segment.Test.Flagged));
    }

    [Fact]
    public void SegmentTotals_SumOverBuckets()
    {
        var window = new CalibrationWindow(
            "m", DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1), ["site", "device"],
            [
                new(["a", "m"], 0, 100, 1, 2, 0.1),
                new(["a", "m"], 1, 50, 10, 9, 2),
                new(["a", "d"], 0, 20, 0, 1, 0.1),
                new(["b", "m"], 0, 70, 3, 3, 0.2),
            ]);

        var totals = MiscalibratedSegmentLocalizer.SegmentTotals(window, AttributeCombination.Parse("site=a"));
        var leaves = MiscalibratedSegmentLocalizer.BuildLeafTable(window);

        // site=a: N = 100 + 50 + 20, Y = 1 + 10 + 0, P = 2 + 9 + 1, pred_sq_sum = 0.1 + 2 + 0.1.
        Assert.Equal(new CalibrationTotals(170, 11, 12, 2.2), totals with { PredictionSquareSum = Math.Round(totals.PredictionSquareSum!.Value, 12) });

        // Three leaves: the two bucket rows of a,m are one leaf with Y = 11 and P = 11.
        Assert.Equal(3, leaves.LeafCount);
        Assert.Equal(MeasureKind.Fundamental, leaves.Kind);
        Assert.Equal(11, leaves.Actual[0]);
        Assert.Equal(11, leaves.Forecast[0]);
        Assert.Throws<ArgumentException>(() => MiscalibratedSegmentLocalizer.SegmentTotals(window, AttributeCombination.Parse("os=ios")));
    }
}
