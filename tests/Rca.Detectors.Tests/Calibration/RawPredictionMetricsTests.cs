using Rca.Detectors.Calibration;

namespace Rca.Detectors.Tests.Calibration;

public sealed class RawPredictionMetricsTests
{
    private const double Tolerance = 1e-12;

    private static readonly double[] Predictions = [0.1, 0.4, 0.35, 0.8];
    private static readonly double[] Labels = [0, 0, 1, 1];

    [Fact]
    public void LogLoss_HandComputed()
    {
        // −(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4 = (0.10536 + 0.51083 + 1.04982 + 0.22314) / 4 = 0.47229.
        var expected = -(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.35) + Math.Log(0.8)) / 4;

        Assert.Equal(expected, RawPredictionMetrics.LogLoss(Predictions, Labels)!.Value, Tolerance);
        Assert.Equal(0.472288, RawPredictionMetrics.LogLoss(Predictions, Labels)!.Value, 6);
    }

    [Fact]
    public void LogLoss_ClipsCertainMiss()
    {
        // p = 0 with y = 1 is clipped to 1e-15: −ln(1e-15) = 34.5388.
        Assert.Equal(-Math.Log(1e-15), RawPredictionMetrics.LogLoss([0.0], [1.0])!.Value, 1e-9);
        Assert.Null(RawPredictionMetrics.LogLoss([], []));
    }

    [Fact]
    public void Brier_HandComputed()
    {
        // (0.1² + 0.4² + 0.65² + 0.2²) / 4 = (0.01 + 0.16 + 0.4225 + 0.04) / 4 = 0.158125.
        Assert.Equal(0.158125, RawPredictionMetrics.BrierScore(Predictions, Labels)!.Value, Tolerance);
    }

    [Fact]
    public void Auc_HandComputed()
    {
        // Positive–negative pairs: (0.35, 0.1) win, (0.35, 0.4) lose, (0.8, 0.1) win, (0.8, 0.4) win: 3 / 4.
        Assert.Equal(0.75, RawPredictionMetrics.Auc(Predictions, Labels)!.Value, Tolerance);
    }

    [Fact]
    public void Auc_TiesCountHalf()
    {
        // Positives {0.5, 0.9}, negatives {0.5, 0.2}: 0.5 (tie) + 1 + 1 + 1 = 3.5 of 4 pairs.
        Assert.Equal(0.875, RawPredictionMetrics.Auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])!.Value, Tolerance);
    }

    [Fact]
    public void Auc_NullForOneClass()
    {
        Assert.Null(RawPredictionMetrics.Auc([0.2, 0.3], [1, 1]));
        Assert.Throws<ArgumentException>(() => RawPredictionMetrics.Auc([0.2], [1, 0]));
    }

    [Fact]
    public void ToWindow_BucketsEqualWidth()
    {
        var set = new RawPredictionSet(
            ["site"],
            [
                new(0.05, 0, ["a"]),
                new(0.08, 1, ["a"]),
                new(0.15, 0, ["a"]),
                new(1.0, 1, ["b"]),
            ]);

        var window = set.ToWindow("m", DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1));
        var metrics = CalibrationMetrics.Compute(window);

        // Bucket 0: 0.05 and 0.08 (N 2, Y 1, P 0.13); bucket 1: 0.15; bucket 9: 1.0 (the last bucket includes 1).
        Assert.Equal([0, 1, 9], metrics.Reliability.Select(point => point.Bucket));
        Assert.Equal(0.065, metrics.Reliability[0].MeanPrediction, Tolerance);
        Assert.Equal(0.5, metrics.Reliability[0].ObservedRate, Tolerance);

        // ECE = (|1 − 0.13| + |0 − 0.15| + |1 − 1|) / 4 = 1.02 / 4 = 0.255.
        Assert.Equal(0.255, metrics.BucketEce!.Value, Tolerance);

        // pred_sq_sum of bucket 0 in site a: 0.05² + 0.08² = 0.0089.
        Assert.Equal(0.0089, window.Rows[0].PredictionSquareSum!.Value, Tolerance);
    }

    [Fact]
    public void RawSet_RejectsInvalidRows()
    {
        Assert.Contains("expected a probability in [0, 1]", Assert.Throws<ArgumentException>(() => new RawPredictionSet(["site"], [new(1.5, 0, ["a"])])).Message);
        Assert.Contains("expected 0 or 1", Assert.Throws<ArgumentException>(() => new RawPredictionSet(["site"], [new(0.5, 2, ["a"])])).Message);
    }
}
