using Rca.Contracts.Calibration;

namespace Rca.Web.Tests.Support;

/// <summary>
/// A calibration model with three hourly checks; the newest drifted on site=site_2.
/// </summary>
internal static class CalibrationSamples
{
    public static readonly DateTimeOffset Window = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static CalibrationModelSummary Model(CalibrationCheckSummary? latest) => new(
        "ctr", "calibration", "model", "ctr-v3", ["site", "device"], "bucket", 3600, 1800, "0 */5 * * * *", true, [], latest);

    public static CalibrationCheckSummary Summary(long id, int hour, string verdict, double ratio, string segments = "") => new(
        id, "ctr", Window.AddHours(hour), Window.AddHours(hour + 1), verdict, true, 100_000, 2_000, 2_000 * ratio, ratio, 0.0123, verdict == "drifted" ? 2 : 0, segments, Window.AddHours(hour + 2));

    public static List<CalibrationTrendPoint> Trend() =>
    [
        Point(1, 0, "ok", 1.01, 0.021, 0.030),
        Point(2, 1, "drifting", 1.18, 0.095, 0.031),
        Point(3, 2, "drifted", 1.25, 0.140, 0.033),
    ];

    public static CalibrationCheckDetail Drifted() => new(
        Summary(3, 2, "drifted", 1.25, "site=site_2"),
        1,
        14,
        new MetricBandDto(0.9, 1.1, Learned: true),
        true,
        [
            new CalibrationFieldMetrics("site", 0.0051, 0.1400, new MetricBandDto(0, 0.05, Learned: true), true),
            new CalibrationFieldMetrics("device", 0.0012, 0.0330, new MetricBandDto(0, 0.05, Learned: true), false),
        ],
        [
            new ReliabilityPointDto(0, 60_000, 0.005, 0.0041),
            new ReliabilityPointDto(1, 30_000, 0.025, 0.0198),
            new ReliabilityPointDto(2, 10_000, 0.080, 0.0612),
        ],
        [
            new CalibrationSegmentDto("site=site_2", 1, 20_000, 300, 520, 1.7333, -9.65, 0.4231, 0.5769),
            new CalibrationSegmentDto("site=site_2&device=mobile", 2, 8_000, 100, 190, 1.9, -6.53, 0.4737, 0.5263),
        ]);

    public static CalibrationCheckDetail Ok() => new(
        Summary(1, 0, "ok", 1.01), 1, 12, new MetricBandDto(0.9, 1.1, Learned: true), false,
        [new CalibrationFieldMetrics("site", 0.001, 0.021, null, false), new CalibrationFieldMetrics("device", 0.001, 0.030, null, false)],
        [],
        []);

    private static CalibrationTrendPoint Point(long id, int hour, string verdict, double ratio, double siteRce, double deviceRce) => new(
        id,
        Window.AddHours(hour),
        verdict,
        true,
        ratio,
        new MetricBandDto(0.9, 1.1, Learned: true),
        [new CalibrationFieldMetrics("site", 0.001, siteRce, null, false), new CalibrationFieldMetrics("device", 0.001, deviceRce, null, false)]);
}
