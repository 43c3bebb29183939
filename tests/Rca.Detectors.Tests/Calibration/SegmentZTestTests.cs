using Rca.Detectors.Calibration;

namespace Rca.Detectors.Tests.Calibration;

public sealed class SegmentZTestTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Poisson_BelowThreshold()
    {
        // Var = P = 100, z = (130 − 100) / 10 = 3 ≤ 4.
        var result = SegmentZTest.Test(new CalibrationTotals(10_000, 130, 100, null));

        Assert.Equal(3, result.Z, Tolerance);
        Assert.Equal(0.3, result.RelativeError, Tolerance);
        Assert.False(result.Flagged);
    }

    [Fact]
    public void Poisson_AboveThreshold()
    {
        // z = (150 − 100) / 10 = 5, relative error 50 / 100 = 0.5.
        var result = SegmentZTest.Test(new CalibrationTotals(10_000, 150, 100, null));

        Assert.Equal(5, result.Z, Tolerance);
        Assert.True(result.Flagged);
    }

    [Fact]
    public void Bernoulli_UsesSquareSum()
    {
        // Var = P − pred_sq_sum = 100 − 36 = 64, so z = (130 − 100) / 8 = 3.75 and then 33 / 8 = 4.125.
        var below = SegmentZTest.Test(new CalibrationTotals(200, 130, 100, 36));
        var above = SegmentZTest.Test(new CalibrationTotals(200, 133, 100, 36));

        Assert.Equal(64, below.Variance, Tolerance);
        Assert.Equal(3.75, below.Z, Tolerance);
        Assert.False(below.Flagged);
        Assert.Equal(4.125, above.Z, Tolerance);
        Assert.True(above.Flagged);
    }

    [Fact]
    public void Bernoulli_FallsBackWhenNotPositive()
    {
        // pred_sq_sum = P leaves no Bernoulli variance, so Var = P = 100.
        Assert.Equal(100, SegmentZTest.Variance(new CalibrationTotals(100, 100, 100, 100)));
    }

    [Fact]
    public void OverPrediction_NegativeZ()
    {
        // Y = 100, P = 130: z = −30 / √130 = −2.631; relative error 30 / 130.
        var result = SegmentZTest.Test(new CalibrationTotals(10_000, 100, 130, null));

        Assert.Equal(-30 / Math.Sqrt(130), result.Z, Tolerance);
        Assert.Equal(30.0 / 130, result.RelativeError, Tolerance);
    }

    [Fact]
    public void HugeSegment_NeedsEffectSize()
    {
        // z = 50 000 / 1000 = 50, but the relative error 0.05 is below the 10 % minimum.
        var result = SegmentZTest.Test(new CalibrationTotals(1e8, 1_050_000, 1_000_000, null));

        Assert.Equal(50, result.Z, Tolerance);
        Assert.False(result.Flagged);
        Assert.True(SegmentZTest.Test(new CalibrationTotals(1e8, 1_050_000, 1_000_000, null), new SegmentTestOptions { MinRelativeError = 0.04 }).Flagged);
    }

    [Fact]
    public void ZeroPrediction_Cases()
    {
        var none = SegmentZTest.Test(new CalibrationTotals(10, 0, 0, null));
        var labelsOnly = SegmentZTest.Test(new CalibrationTotals(10, 3, 0, null));

        Assert.Equal(0, none.Z);
        Assert.False(none.Flagged);
        Assert.Equal(double.PositiveInfinity, labelsOnly.Z);
        Assert.True(labelsOnly.Flagged);
    }

    [Fact]
    public void Threshold_Configurable()
    {
        // z = 3 passes a threshold of 2.5.
        var result = SegmentZTest.Test(new CalibrationTotals(10_000, 130, 100, null), new SegmentTestOptions { ZThreshold = 2.5 });

        Assert.True(result.Flagged);
    }
}
