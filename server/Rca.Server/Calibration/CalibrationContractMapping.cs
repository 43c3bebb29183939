using System.Text.Json;
using Rca.Contracts.Calibration;
using Rca.Detectors.Calibration;

namespace Rca.Server.Calibration;

/// <summary>Maps stored calibration checks and file reports to the API contracts.</summary>
internal static class CalibrationContractMapping
{
    public static CalibrationCheckSummary ToSummary(this CalibrationCheckRecord check) => new(
        check.Id,
        check.ModelName,
        Utc(check.WindowStart),
        Utc(check.WindowEnd),
        check.State,
        check.Mature,
        check.Impressions,
        check.Labels,
        check.PredictionSum,
        check.CalibrationRatio,
        check.BucketEce,
        check.ConsecutiveOutOfBand,
        check.SegmentSummary,
        Utc(check.CheckedAt));

    public static CalibrationCheckDetail ToDetail(this CalibrationCheckRecord check) => new(
        check.ToSummary(),
        check.LabelCompletion,
        check.HistoryWindowCount,
        Band(check.RatioBandLower, check.RatioBandUpper, check.RatioBandLearned),
        check.RatioOutOfBand,
        [.. check.Fields.OrderBy(f => f.Position).Select(f => new CalibrationFieldMetrics(
            f.Field, f.FieldEce, f.FieldRce, Band(f.BandLower, f.BandUpper, f.BandLearned), f.OutOfBand))],
        JsonSerializer.Deserialize<List<ReliabilityPointDto>>(check.ReliabilityJson, CalibrationRecordMapper.ReliabilityJson) ?? [],
        [.. check.Segments.OrderBy(s => s.Position).Select(s => Segment(s.Segment, s.Layer, s.Impressions, s.Labels, s.PredictionSum, s.Z, s.RelativeError))]);

    public static CalibrationModelSummary ToSummary(this CalibrationModelOptions model, string name, CalibrationCheckRecord? latest) => new(
        name,
        model.Measurement,
        model.ModelTag,
        model.Model,
        model.Fields,
        model.BucketTag,
        model.WindowLength.TotalSeconds,
        model.LabelDelayTime.TotalSeconds,
        model.Schedule,
        model.Enabled,
        model.Channels,
        latest?.ToSummary());

    public static CalibrationFileResult ToResult(this CalibrationFileReport report)
    {
        var metrics = report.Metrics;
        var totals = metrics.Totals;
        return new CalibrationFileResult(
            report.Format == CalibrationFileFormat.Raw ? "raw" : "aggregate",
            report.Model,
            report.WindowCount,
            report.RowCount,
            totals.Impressions,
            totals.Labels,
            totals.PredictionSum,
            metrics.CalibrationRatio,
            Finite(report.OverallTest.Z),
            metrics.BucketEce,
            [.. metrics.Fields.Select(f => new CalibrationFieldMetrics(f.Field, f.FieldEce, f.FieldRce, null, false))],
            [.. metrics.Reliability.Select(p => new ReliabilityPointDto(p.Bucket, p.Impressions, p.MeanPrediction, p.ObservedRate))],
            report.LogLoss,
            report.BrierScore,
            report.Auc,
            report.DriftLike,
            [.. (report.Segments?.Segments ?? []).Select(s => Segment(
                s.Segment.ToString(), s.Segment.Layer, s.Totals.Impressions, s.Totals.Labels, s.Totals.PredictionSum, s.Test.Z, s.Test.RelativeError))]);
    }

    private static CalibrationSegmentDto Segment(string segment, int layer, double impressions, double labels, double predictionSum, double z, double relativeError) => new(
        segment,
        layer,
        impressions,
        labels,
        predictionSum,
        labels == 0 ? null : predictionSum / labels,
        Finite(z),
        Finite(relativeError),
        predictionSum == 0 ? null : labels / predictionSum);

    private static MetricBandDto? Band(double? lower, double? upper, bool learned) =>
        lower is { } l && upper is { } u ? new MetricBandDto(l, u, learned) : null;

    // JSON has no infinity, and a z-score of P = 0, Y > 0 is +∞.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
