using Rca.Detectors.Calibration;

namespace Rca.Detectors.Tests.Calibration;

public sealed class CalibrationDriftDetectorTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Two sites of 10 000 impressions and 500 labels each; predictions 500·ratio each, so the
    // overall ratio is `ratio` and Field-RCE(site) = |500 − 500·ratio| / 501.
    private static CalibrationWindow Window(int index, double ratio, double labels = 500) => new(
        "m1",
        Start + Hour * index,
        Hour,
        ["site"],
        [
            new(["a"], null, 10_000, labels, 500 * ratio),
            new(["b"], null, 10_000, labels, 500 * ratio),
        ]);

    private static CalibrationDriftOptions ConfiguredBands => new()
    {
        LabelDelay = Hour,
        CalibrationRatioBand = new MetricBand(0.9, 1.1),
        FieldRceBands = new Dictionary<string, MetricBand> { ["site"] = new MetricBand(0, 0.5) },
    };

    [Fact]
    public void States_ConfiguredBands()
    {
        double[] ratios = [1.0, 1.3, 1.3, 1.0, 2.0];
        var windows = ratios.Select((ratio, i) => Window(i, ratio)).ToArray();

        // Window 3 ends at 04:00 and matures at 05:00; window 4 ends at 05:00 and is still young.
        var checks = new CalibrationDriftDetector(ConfiguredBands).Evaluate(windows, Start + Hour * 5, Token);

        Assert.Equal(
            [CalibrationState.Ok, CalibrationState.Drifting, CalibrationState.Drifted, CalibrationState.Ok, CalibrationState.Immature],
            checks.Select(check => check.Verdict.State));
        Assert.Equal([0, 1, 2, 0, 0], checks.Select(check => check.Verdict.ConsecutiveOutOfBand));
        Assert.Equal(["calibration_ratio"], checks[1].Verdict.OutOfBand.Select(check => check.ToString()));
        Assert.Equal(new MetricBand(0.9, 1.1), checks[1].Verdict.Checks[0].Band);
    }

    [Fact]
    public void Segments_OnlyForDrifted()
    {
        double[] ratios = [1.0, 1.3, 1.3, 1.0];
        var windows = ratios.Select((ratio, i) => Window(i, ratio)).ToArray();

        var checks = new CalibrationDriftDetector(ConfiguredBands).Evaluate(windows, Start + Hour * 10, Token);

        Assert.Equal([false, false, true, false], checks.Select(check => check.Segments is not null));
    }

    [Fact]
    public void Immature_NeverAlerts()
    {
        // Every window over-predicts by 2, but at 01:30 none is an hour past its end.
        var windows = Enumerable.Range(0, 4).Select(i => Window(i, 2.0)).ToArray();

        var checks = new CalibrationDriftDetector(ConfiguredBands).Evaluate(windows, Start + Hour * 1.5, Token);

        Assert.All(checks, check => Assert.Equal(CalibrationState.Immature, check.Verdict.State));
        Assert.All(checks, check => Assert.Null(check.Segments));
        Assert.True(double.IsNaN(checks[0].LabelCompletion));

        // The metrics are still shown, and the ratio is outside its configured band.
        Assert.Equal(2.0, checks[0].Metrics.CalibrationRatio!.Value, Tolerance);
        Assert.True(checks[0].Verdict.Checks[0].OutOfBand);
    }

    [Fact]
    public void Immature_StaysImmatureOverRuns()
    {
        // Two mature out-of-band windows make a drift; the young third one is only shown.
        var windows = Enumerable.Range(0, 3).Select(i => Window(i, 2.0)).ToArray();

        var checks = new CalibrationDriftDetector(ConfiguredBands).Evaluate(windows, Start + Hour * 3.5, Token);

        Assert.Equal(
            [CalibrationState.Drifting, CalibrationState.Drifted, CalibrationState.Immature],
            checks.Select(check => check.Verdict.State));
    }

    [Fact]
    public void CompletionCurve_JudgesYoungWindow()
    {
        // Linear completion to 1 at one hour: a one-hour window observed at its end has, on
        // average over its impressions, half its labels. Labels 250 per site against P = 500 per
        // site look like ratio 2 raw, but 0.5·500 / 250 = 1 once scaled.
        var curve = new LabelCompletionCurve([new LabelCompletionPoint(Hour, 1.0)]);
        var options = ConfiguredBands with { LabelCompletion = curve };
        CalibrationWindow[] calibrated = [Window(0, 1.0, labels: 250)];
        CalibrationWindow[] overPredicted = [Window(0, 1.0, labels: 150)];

        var ok = new CalibrationDriftDetector(options).Evaluate(calibrated, Start + Hour, Token);
        var drifting = new CalibrationDriftDetector(options).Evaluate(overPredicted, Start + Hour, Token);
        var withoutCurve = new CalibrationDriftDetector(ConfiguredBands).Evaluate(calibrated, Start + Hour, Token);

        Assert.Equal(0.5, ok[0].LabelCompletion, Tolerance);
        Assert.Equal(CalibrationState.Ok, ok[0].Verdict.State);
        Assert.Equal(1.0, ok[0].Metrics.CalibrationRatio!.Value, Tolerance);

        // 250 / 300 = 1.667 is out of [0.9, 1.1].
        Assert.Equal(CalibrationState.Drifting, drifting[0].Verdict.State);
        Assert.Equal(CalibrationState.Immature, withoutCurve[0].Verdict.State);
    }

    [Fact]
    public void CompletionCurve_BelowMinimumStaysImmature()
    {
        var curve = new LabelCompletionCurve([new LabelCompletionPoint(Hour, 1.0)]);
        var options = ConfiguredBands with { LabelCompletion = curve, MinLabelCompletion = 0.9 };

        var checks = new CalibrationDriftDetector(options).Evaluate([Window(0, 1.0)], Start + Hour * 1.25, Token);

        // Ages run from 0.25 h to 1.25 h: mean of min(age, 1) = 0.71875.
        Assert.Equal(0.71875, checks[0].LabelCompletion, 1e-3);
        Assert.Equal(CalibrationState.Immature, checks[0].Verdict.State);
    }

    [Fact]
    public void LearnedBand_From14Windows()
    {
        // Ratios 0.93, 0.94, …, 1.06: median 0.995; absolute deviations 0.005, 0.005, 0.015, …,
        // 0.065, 0.065 with median 0.035; half-width 4·1.4826·0.035 = 0.207564.
        var ratios = Enumerable.Range(0, 14).Select(i => 0.93 + 0.01 * i).ToArray();

        var band = CalibrationDriftDetector.LearnBand(ratios, 4, 0.002);

        Assert.Equal(0.995 - 0.207564, band.Lower, Tolerance);
        Assert.Equal(0.995 + 0.207564, band.Upper, Tolerance);
        Assert.True(band.Learned);
    }

    [Fact]
    public void LearnedBand_MadFloor()
    {
        // A flat history has MAD 0; the floor 0.002·1 gives a half-width of 4·1.4826·0.002 = 0.0118608.
        var band = CalibrationDriftDetector.LearnBand(Enumerable.Repeat(1.0, 14).ToArray(), 4, 0.002);

        Assert.Equal(1 - 0.0118608, band.Lower, Tolerance);
        Assert.Equal(1 + 0.0118608, band.Upper, Tolerance);
    }

    [Fact]
    public void LearnedBand_NeedsHistoryThenDrifts()
    {
        var ratios = Enumerable.Range(0, 14).Select(i => 0.93 + 0.01 * i).Concat([1.25, 1.25, 1.0]).ToArray();
        var windows = ratios.Select((ratio, i) => Window(i, ratio)).ToArray();
        var options = new CalibrationDriftOptions { LabelDelay = Hour };

        var checks = new CalibrationDriftDetector(options).Evaluate(windows, Start + Hour * 30, Token);

        Assert.All(checks.Take(14), check => Assert.Equal(CalibrationState.InsufficientHistory, check.Verdict.State));
        Assert.Equal(CalibrationState.Drifting, checks[14].Verdict.State);
        Assert.Equal(CalibrationState.Drifted, checks[15].Verdict.State);

        // The band of window 14 is learned from windows 0–13; the drifted windows stay out of the
        // history, so window 16 is judged against the same band.
        var band = checks[14].Verdict.Checks[0].Band!;
        Assert.Equal(0.995 + 0.207564, band.Upper, Tolerance);
        Assert.Equal(band, checks[16].Verdict.Checks[0].Band);
        Assert.Equal(CalibrationState.Ok, checks[16].Verdict.State);
        Assert.Equal(14, checks[16].Verdict.HistoryWindowCount);
    }

    [Fact]
    public void ConsecutiveWindows_Configurable()
    {
        double[] ratios = [1.3, 1.3, 1.3];
        var windows = ratios.Select((ratio, i) => Window(i, ratio)).ToArray();

        var checks = new CalibrationDriftDetector(ConfiguredBands with { ConsecutiveWindows = 3 }).Evaluate(windows, Start + Hour * 10, Token);

        Assert.Equal(
            [CalibrationState.Drifting, CalibrationState.Drifting, CalibrationState.Drifted],
            checks.Select(check => check.Verdict.State));
    }

    [Fact]
    public void FieldRce_OnlyAboveCounts()
    {
        // The site's Field-RCE band is [0.05, 0.5]: a perfect window (RCE 0) is below it but fine.
        var options = ConfiguredBands with { FieldRceBands = new Dictionary<string, MetricBand> { ["site"] = new MetricBand(0.05, 0.5) } };

        var checks = new CalibrationDriftDetector(options).Evaluate([Window(0, 1.0)], Start + Hour * 10, Token);

        Assert.Equal(CalibrationState.Ok, checks[0].Verdict.State);
        Assert.Equal(0, checks[0].Verdict.Checks[1].Value);
    }

    [Fact]
    public void TimeProvider_SuppliesNow()
    {
        double[] ratios = [1.3, 1.3];
        var windows = ratios.Select((ratio, i) => Window(i, ratio)).ToArray();
        var early = new FixedTimeProvider(Start + Hour * 2.5);
        var late = new FixedTimeProvider(Start + Hour * 3);

        var earlyChecks = new CalibrationDriftDetector(ConfiguredBands, early).Evaluate(windows, TestContext.Current.CancellationToken);
        var lateChecks = new CalibrationDriftDetector(ConfiguredBands, late).Evaluate(windows, TestContext.Current.CancellationToken);

        Assert.Equal(CalibrationState.Immature, earlyChecks[1].Verdict.State);
        Assert.Equal(CalibrationState.Drifted, lateChecks[1].Verdict.State);
    }

    [Fact]
    public void Windows_MustBeOrdered()
    {
        var error = Assert.Throws<ArgumentException>(() => new CalibrationDriftDetector(ConfiguredBands).Evaluate([Window(1, 1), Window(0, 1)], Start, Token));

        Assert.Contains("increasing order of start", error.Message);
    }

    [Fact]
    public void Options_Validated()
    {
        var error = Assert.Throws<ArgumentException>(() => new CalibrationDriftDetector(ConfiguredBands with { MinHistoryWindows = 20 }));

        Assert.Contains("MinHistoryWindows", error.Message);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
