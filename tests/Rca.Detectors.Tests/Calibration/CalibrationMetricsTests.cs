using Rca.Detectors.Calibration;

namespace Rca.Detectors.Tests.Calibration;

public sealed class CalibrationMetricsTests
{
    private const double Tolerance = 1e-12;

    // site × device, with N, Y, P and pred_sq_sum per leaf:
    //   a,m: 100, 10,  8, 0.8      a,d: 100, 5, 6, 0.5
    //   b,m: 200,  4, 10, 0.6      b,d: 100, 0, 1, 0.02
    // Totals: N = 500, Y = 19, P = 25.
    private static CalibrationWindow SmallWindow() => new(
        "m1",
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        TimeSpan.FromHours(1),
        ["site", "device"],
        [
            new(["a", "m"], null, 100, 10, 8, 0.8),
            new(["a", "d"], null, 100, 5, 6, 0.5),
            new(["b", "m"], null, 200, 4, 10, 0.6),
            new(["b", "d"], null, 100, 0, 1, 0.02),
        ]);

    [Fact]
    public void Ratio_Overall()
    {
        var metrics = CalibrationMetrics.Compute(SmallWindow());

        // P / Y = 25 / 19.
        Assert.Equal(25.0 / 19.0, metrics.CalibrationRatio!.Value, Tolerance);
        Assert.Equal(500, metrics.Totals.Impressions);
        Assert.Equal(1.92, metrics.Totals.PredictionSquareSum!.Value, Tolerance);
    }

    [Fact]
    public void Ratio_PerFieldValue()
    {
        var metrics = CalibrationMetrics.Compute(SmallWindow());
        var site = metrics.Field("site")!;
        var device = metrics.Field("device")!;

        // site a: P = 8 + 6 = 14, Y = 10 + 5 = 15; site b: P = 10 + 1 = 11, Y = 4 + 0 = 4.
        Assert.Equal(["a", "b"], site.Values.Select(value => value.Value));
        Assert.Equal(14.0 / 15.0, site.Values[0].CalibrationRatio!.Value, Tolerance);
        Assert.Equal(11.0 / 4.0, site.Values[1].CalibrationRatio!.Value, Tolerance);

        // device d: P = 6 + 1 = 7, Y = 5; device m: P = 8 + 10 = 18, Y = 14.
        Assert.Equal(["d", "m"], device.Values.Select(value => value.Value));
        Assert.Equal(7.0 / 5.0, device.Values[0].CalibrationRatio!.Value, Tolerance);
        Assert.Equal(18.0 / 14.0, device.Values[1].CalibrationRatio!.Value, Tolerance);
    }

    [Fact]
    public void Ratio_NullWithoutLabels()
    {
        var totals = new CalibrationTotals(100, 0, 1, null);

        Assert.Null(totals.CalibrationRatio);
        Assert.Equal(0, totals.CorrectionFactor);
        Assert.Null(new CalibrationTotals(100, 3, 0, null).CorrectionFactor);
    }

    [Fact]
    public void FieldEce_HandComputed()
    {
        var metrics = CalibrationMetrics.Compute(SmallWindow());

        // site: (|15 − 14| + |4 − 11|) / 500 = 8 / 500 = 0.016.
        Assert.Equal(0.016, metrics.Field("site")!.FieldEce, Tolerance);

        // device: (|5 − 7| + |14 − 18|) / 500 = 6 / 500 = 0.012.
        Assert.Equal(0.012, metrics.Field("device")!.FieldEce, Tolerance);
    }

    [Fact]
    public void FieldRce_HandComputed()
    {
        var metrics = CalibrationMetrics.Compute(SmallWindow());

        // site, ε = 1: (200·1/(15 + 1) + 300·7/(4 + 1)) / 500 = (12.5 + 420) / 500 = 0.865.
        Assert.Equal(0.865, metrics.Field("site")!.FieldRce, Tolerance);

        // device, ε = 1: (200·2/(5 + 1) + 300·4/(14 + 1)) / 500 = (66.67 + 80) / 500 = 0.29333.
        Assert.Equal((200 * 2 / 6.0 + 300 * 4 / 15.0) / 500, metrics.Field("device")!.FieldRce, Tolerance);
    }

    [Fact]
    public void FieldRce_Epsilon()
    {
        // site, ε = 0.5: (200·1/15.5 + 300·7/4.5) / 500 = (12.903 + 466.667) / 500 = 0.95914.
        var metrics = CalibrationMetrics.Compute(SmallWindow(), epsilon: 0.5);

        Assert.Equal((200 / 15.5 + 300 * 7 / 4.5) / 500, metrics.Field("site")!.FieldRce, Tolerance);
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationMetrics.Compute(SmallWindow(), epsilon: 0));
    }

    [Fact]
    public void BucketEce_AndReliability()
    {
        // Bucket 0: two rows, N = 200, Y = 3, P = 5. Bucket 1: N = 50, Y = 10, P = 8. N = 250.
        var window = new CalibrationWindow(
            "m1", DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1), ["site"],
            [
                new(["a"], 0, 100, 2, 3),
                new(["b"], 0, 100, 1, 2),
                new(["a"], 1, 50, 10, 8),
            ]);

        var metrics = CalibrationMetrics.Compute(window);

        // ECE = (200/250)·|3/200 − 5/200| + (50/250)·|10/50 − 8/50| = (2 + 2) / 250 = 0.016.
        Assert.Equal(0.016, metrics.BucketEce!.Value, Tolerance);
        Assert.Equal(2, metrics.Reliability.Count);
        Assert.Equal(new ReliabilityPoint(0, 200, 0.025, 0.015), metrics.Reliability[0]);
        Assert.Equal(new ReliabilityPoint(1, 50, 0.16, 0.2), metrics.Reliability[1]);
    }

    [Fact]
    public void BucketEce_NullWithoutBuckets()
    {
        var metrics = CalibrationMetrics.Compute(SmallWindow());

        Assert.Null(metrics.BucketEce);
        Assert.Empty(metrics.Reliability);
    }

    [Fact]
    public void Window_RejectsInvalidRows()
    {
        var start = DateTimeOffset.UnixEpoch;
        var hour = TimeSpan.FromHours(1);

        Assert.Contains("labels = 11 above impressions = 10", Assert.Throws<ArgumentException>(
            () => new CalibrationWindow("m", start, hour, ["site"], [new(["a"], null, 10, 11, 1)])).Message);
        Assert.Contains("pred_sum = 12 above impressions = 10", Assert.Throws<ArgumentException>(
            () => new CalibrationWindow("m", start, hour, ["site"], [new(["a"], null, 10, 1, 12)])).Message);
        Assert.Contains("pred_sq_sum = 2 above pred_sum = 1", Assert.Throws<ArgumentException>(
            () => new CalibrationWindow("m", start, hour, ["site"], [new(["a"], null, 10, 1, 1, 2)])).Message);
        Assert.Contains("impressions = NaN", Assert.Throws<ArgumentException>(
            () => new CalibrationWindow("m", start, hour, ["site"], [new(["a"], null, double.NaN, 1, 1)])).Message);
        Assert.Contains("expected 1 (site)", Assert.Throws<ArgumentException>(
            () => new CalibrationWindow("m", start, hour, ["site"], [new(["a", "b"], null, 10, 1, 1)])).Message);
        Assert.Contains("bucket", Assert.Throws<ArgumentException>(
            () => new CalibrationWindow("m", start, hour, ["site"], [new(["a"], 0, 10, 1, 1), new(["b"], null, 10, 1, 1)])).Message);
    }

    [Fact]
    public void WithLabelCompletion_ScalesPredictions()
    {
        var scaled = SmallWindow().WithLabelCompletion(0.5);

        // P = 0.5·25 and pred_sq_sum = 0.25·1.92; labels unchanged.
        Assert.Equal(12.5, scaled.Totals().PredictionSum, Tolerance);
        Assert.Equal(0.48, scaled.Totals().PredictionSquareSum!.Value, Tolerance);
        Assert.Equal(19, scaled.Totals().Labels);
    }
}
