using System.Text.Json;
using Rca.Detectors.Calibration;

namespace Rca.Server.Calibration;

/// <summary>Copies a detector's calibration check into its stored record.</summary>
internal static class CalibrationRecordMapper
{
    public static readonly JsonSerializerOptions ReliabilityJson = new(JsonSerializerDefaults.Web);

    /// <summary>Overwrites every value of <paramref name="record"/>, including its field and segment rows, with <paramref name="check"/>.</summary>
    public static void Fill(CalibrationCheckRecord record, CalibrationCheck check, bool mature, DateTimeOffset checkedAt)
    {
        var metrics = check.Metrics;
        var totals = metrics.Totals;
        var verdict = check.Verdict;
        var ratioCheck = verdict.Checks.First(c => c.Metric == CalibrationMetric.CalibrationRatio);

        record.WindowEnd = check.Window.End.UtcDateTime;
        record.State = CalibrationStates.Name(verdict.State);
        record.Mature = mature;
        record.Impressions = totals.Impressions;
        record.Labels = totals.Labels;
        record.PredictionSum = totals.PredictionSum;
        record.PredictionSquareSum = totals.PredictionSquareSum;
        record.CalibrationRatio = metrics.CalibrationRatio;
        record.BucketEce = metrics.BucketEce;
        record.LabelCompletion = double.IsNaN(check.LabelCompletion) ? null : check.LabelCompletion;
        record.RatioBandLower = ratioCheck.Band?.Lower;
        record.RatioBandUpper = ratioCheck.Band?.Upper;
        record.RatioBandLearned = ratioCheck.Band?.Learned ?? false;
        record.RatioOutOfBand = ratioCheck.OutOfBand;
        record.ConsecutiveOutOfBand = verdict.ConsecutiveOutOfBand;
        record.HistoryWindowCount = verdict.HistoryWindowCount;
        record.ReliabilityJson = JsonSerializer.Serialize(metrics.Reliability, ReliabilityJson);
        record.CheckedAt = checkedAt.UtcDateTime;

        record.Fields.Clear();
        for (var i = 0; i < metrics.Fields.Count; i++)
        {
            var field = metrics.Fields[i];
            var band = verdict.Checks.FirstOrDefault(c => c.Metric == CalibrationMetric.FieldRce && c.Field == field.Field);
            record.Fields.Add(new CalibrationFieldRecord
            {
                Position = i,
                Field = field.Field,
                FieldEce = field.FieldEce,
                FieldRce = field.FieldRce,
                BandLower = band?.Band?.Lower,
                BandUpper = band?.Band?.Upper,
                BandLearned = band?.Band?.Learned ?? false,
                OutOfBand = band?.OutOfBand ?? false,
            });
        }

        record.Segments.Clear();
        var segments = check.Segments?.Segments ?? [];
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            record.Segments.Add(new CalibrationSegmentRecord
            {
                Position = i,
                Segment = segment.Segment.ToString(),
                Layer = segment.Segment.Layer,
                Impressions = segment.Totals.Impressions,
                Labels = segment.Totals.Labels,
                PredictionSum = segment.Totals.PredictionSum,
                Z = segment.Test.Z,
                RelativeError = segment.Test.RelativeError,
            });
        }

        record.SegmentSummary = string.Join(';', segments.Select(segment => segment.Segment.ToString()));
    }
}
