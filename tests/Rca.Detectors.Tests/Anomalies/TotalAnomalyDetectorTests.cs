using Rca.Detectors.Anomalies;

namespace Rca.Detectors.Tests.Anomalies;

public sealed class TotalAnomalyDetectorTests
{
    // The median is 0 and the absolute deviations 1, 1, 2, 2, 0 give MAD 1, so the scale is 1.4826.
    private static readonly double[] Baseline = [1, -1, 2, -2, 0];

    private static readonly TotalAnomalyDetector Detector = new(new TotalAnomalyOptions());

    [Fact]
    public void Detect_TenPercentRise_IsMedium()
    {
        var result = Detector.Detect(115, 100, Baseline);

        Assert.Equal(15.0, result.Residual);
        Assert.Equal(0.0, result.BaselineMedian);
        Assert.Equal(1.4826, result.Scale, 12);
        Assert.Equal(15.0 / 1.4826, result.ZScore, 12);
        Assert.Equal(0.15, result.RelativeChange, 12);
        Assert.Equal(ChangeDirection.Up, result.Direction);
        Assert.True(result.IsAnomalous);
        Assert.Equal(AnomalySeverity.Medium, result.Severity);
    }

    [Fact]
    public void Detect_ThirtyPercentRise_IsHigh()
    {
        var result = Detector.Detect(130, 100, Baseline);

        Assert.Equal(30.0 / 1.4826, result.ZScore, 12);
        Assert.True(result.IsAnomalous);
        Assert.Equal(AnomalySeverity.High, result.Severity);
    }

    [Fact]
    public void Detect_SmallZ_IsNotAnomalous()
    {
        var result = Detector.Detect(104, 100, Baseline);

        Assert.Equal(4.0 / 1.4826, result.ZScore, 12);
        Assert.False(result.IsAnomalous);
        Assert.Equal(AnomalySeverity.None, result.Severity);
    }

    [Fact]
    public void Detect_FlatBaseline_UsesScaleFloor()
    {
        // MAD 0, so the scale is 0.01·200 = 2 and z = −10 / 2.
        var result = Detector.Detect(190, 200, [0, 0, 0]);

        Assert.Equal(2.0, result.Scale);
        Assert.Equal(-5.0, result.ZScore);
        Assert.Equal(0.05, result.RelativeChange, 12);
        Assert.Equal(ChangeDirection.Down, result.Direction);
        Assert.True(result.IsAnomalous);
        Assert.Equal(AnomalySeverity.Low, result.Severity);
    }

    [Fact]
    public void Detect_UpOnly_IgnoresDrop()
    {
        var detector = new TotalAnomalyDetector(new TotalAnomalyOptions { Direction = AnomalyDirection.Up });

        var result = detector.Detect(190, 200, [0, 0, 0]);

        Assert.Equal(-5.0, result.ZScore);
        Assert.False(result.IsAnomalous);
    }

    [Fact]
    public void Detect_DownOnly_IgnoresRise()
    {
        var detector = new TotalAnomalyDetector(new TotalAnomalyOptions { Direction = AnomalyDirection.Down });

        Assert.False(detector.Detect(130, 100, Baseline).IsAnomalous);
        Assert.True(detector.Detect(70, 100, Baseline).IsAnomalous);
    }

    [Fact]
    public void Detect_SmallRelativeChange_IsNotAnomalous()
    {
        // Baseline MAD 0.1 gives scale 0.14826, so z is about 135 but the change is only 2 %.
        var detector = new TotalAnomalyDetector(new TotalAnomalyOptions { ScaleFloorFraction = 0.0 });

        var result = detector.Detect(1020, 1000, [0.1, -0.1, 0.2, -0.2, 0]);

        Assert.Equal(0.14826, result.Scale, 12);
        Assert.Equal(20.0 / 0.14826, result.ZScore, 9);
        Assert.Equal(0.02, result.RelativeChange, 12);
        Assert.False(result.IsAnomalous);
    }

    [Fact]
    public void Detect_ShiftedBaseline_SubtractsMedian()
    {
        // Residuals 10, 12, 8 have median 10 and MAD 2, so z = (16 − 10) / 2.9652.
        var result = Detector.Detect(116, 100, [10, 12, 8]);

        Assert.Equal(10.0, result.BaselineMedian);
        Assert.Equal(2.9652, result.Scale, 12);
        Assert.Equal(6.0 / 2.9652, result.ZScore, 12);
        Assert.False(result.IsAnomalous);
    }

    [Fact]
    public void Detect_ZeroForecastAndActual_IsNotAnomalous()
    {
        var result = Detector.Detect(0, 0, []);

        Assert.Equal(0.0, result.ZScore);
        Assert.Equal(0.0, result.RelativeChange);
        Assert.Equal(ChangeDirection.None, result.Direction);
        Assert.False(result.IsAnomalous);
    }

    [Fact]
    public void Detect_ZeroForecast_RiseIsHigh()
    {
        var result = Detector.Detect(5, 0, []);

        Assert.Equal(1e-9, result.Scale);
        Assert.Equal(5e9, result.ZScore, 3);
        Assert.Equal(5e9, result.RelativeChange, 3);
        Assert.Equal(AnomalySeverity.High, result.Severity);
    }

    [Fact]
    public void Detect_LongBaseline_UsesLastWindows()
    {
        var detector = new TotalAnomalyDetector(new TotalAnomalyOptions { BaselineWindows = 3 });

        var result = detector.Detect(110, 100, [100, 100, 1, -1, 0]);

        Assert.Equal(0.0, result.BaselineMedian);
        Assert.Equal(1.4826, result.Scale, 12);
    }

    [Fact]
    public void Detect_NaNResidual_IsSkipped()
    {
        var result = Detector.Detect(110, 100, [double.NaN, 1, -1, 2, -2, 0]);

        Assert.Equal(1.4826, result.Scale, 12);
    }

    [Fact]
    public void Detect_Series_UsesEarlierWindowsAsBaseline()
    {
        // Residuals 0, 1, −1, 0 have median 0 and MAD 0.5, so the scale is 0.7413.
        var result = Detector.Detect([10, 11, 9, 10, 15], [10, 10, 10, 10, 10]);

        Assert.Equal(15.0, result.Actual);
        Assert.Equal(10.0, result.Forecast);
        Assert.Equal(0.7413, result.Scale, 12);
        Assert.Equal(5.0 / 0.7413, result.ZScore, 12);
        Assert.True(result.IsAnomalous);
        Assert.Equal(AnomalySeverity.Medium, result.Severity);
    }

    [Fact]
    public void Detect_SeriesLengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => Detector.Detect([1.0, 2.0], [1.0]));
    }

    [Fact]
    public void Detect_NaNActual_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Detector.Detect(double.NaN, 1, []));
    }

    [Theory]
    [InlineData(-1.0, 0.05, 30)]
    [InlineData(3.5, double.NaN, 30)]
    [InlineData(3.5, 0.05, 0)]
    public void Options_OutOfRange_Throw(double threshold, double minChange, int baseline)
    {
        var options = new TotalAnomalyOptions { Threshold = threshold, MinRelativeChange = minChange, BaselineWindows = baseline };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TotalAnomalyDetector(options));
    }
}
