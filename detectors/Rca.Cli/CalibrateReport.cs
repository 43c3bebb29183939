using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rca.Cli.Resources;
using Rca.Detectors.Calibration;

namespace Rca.Cli;

/// <summary>The output of <c>rca calibrate</c> for one file, as text tables or as JSON.</summary>
internal sealed class CalibrateReport(string path, CalibrationFileReport report)
{
    public void WriteText(TextWriter writer)
    {
        var metrics = report.Metrics;
        var totals = metrics.Totals;
        writer.WriteLine(report.Format == CalibrationFileFormat.Raw
            ? Format(Messages.CalibrateTitleRaw, path, NumberText.Count(report.RowCount))
            : Format(Messages.CalibrateTitleAggregate, path, report.Model ?? "", NumberText.Count(report.WindowCount), NumberText.Count(report.RowCount)));
        writer.WriteLine(Format(
            Messages.CalibrateTotals,
            NumberText.Measure(totals.Impressions),
            NumberText.Measure(totals.Labels),
            NumberText.Measure(totals.PredictionSum),
            Optional(metrics.CalibrationRatio),
            NumberText.Score(report.OverallTest.Z)));
        if (metrics.BucketEce is { } bucketEce)
        {
            writer.WriteLine(Format(Messages.CalibrateBucketEce, Small(bucketEce)));
        }

        if (report.Format == CalibrationFileFormat.Raw)
        {
            writer.WriteLine(Format(Messages.CalibrateRawScores, Optional(report.LogLoss), Optional(report.BrierScore), Optional(report.Auc)));
        }

        writer.WriteLine();
        var fields = new TextTable([Messages.HeaderField, Messages.HeaderFieldEce, Messages.HeaderFieldRce], [false, true, true]);
        foreach (var field in metrics.Fields)
        {
            fields.AddRow(field.Field, Small(field.FieldEce), Small(field.FieldRce));
        }

        fields.Write(writer);
        writer.WriteLine();
        WriteSegments(writer);
    }

    /// <summary>Writes one indented JSON object with snake_case keys. Non-finite numbers are written as null.</summary>
    public void WriteJson(TextWriter writer)
    {
        var metrics = report.Metrics;
        var totals = metrics.Totals;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("format", report.Format == CalibrationFileFormat.Raw ? CalibrateCommand.RawFormat : CalibrateCommand.AggregateFormat);
            json.WriteString("model", report.Model);
            json.WriteNumber("window_count", report.WindowCount);
            json.WriteNumber("row_count", report.RowCount);
            json.WriteNumber("impressions", totals.Impressions);
            json.WriteNumber("labels", totals.Labels);
            json.WriteNumber("prediction_sum", totals.PredictionSum);
            WriteNumber(json, "calibration_ratio", metrics.CalibrationRatio);
            WriteNumber(json, "z", report.OverallTest.Z);
            WriteNumber(json, "bucket_ece", metrics.BucketEce);
            WriteNumber(json, "log_loss", report.LogLoss);
            WriteNumber(json, "brier_score", report.BrierScore);
            WriteNumber(json, "auc", report.Auc);
            json.WriteStartArray("fields");
            foreach (var field in metrics.Fields)
            {
                json.WriteStartObject();
                json.WriteString("field", field.Field);
                json.WriteNumber("field_ece", field.FieldEce);
                json.WriteNumber("field_rce", field.FieldRce);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("reliability");
            foreach (var point in metrics.Reliability)
            {
                json.WriteStartObject();
                json.WriteNumber("bucket", point.Bucket);
                json.WriteNumber("impressions", point.Impressions);
                json.WriteNumber("mean_prediction", point.MeanPrediction);
                json.WriteNumber("observed_rate", point.ObservedRate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("drift_like", report.DriftLike);
            json.WriteStartArray("segments");
            foreach (var segment in report.Segments?.Segments ?? [])
            {
                json.WriteStartObject();
                json.WriteString("segment", segment.Segment.ToString());
                json.WriteNumber("layer", segment.Segment.Layer);
                json.WriteNumber("impressions", segment.Totals.Impressions);
                json.WriteNumber("labels", segment.Totals.Labels);
                json.WriteNumber("prediction_sum", segment.Totals.PredictionSum);
                WriteNumber(json, "calibration_ratio", segment.CalibrationRatio);
                WriteNumber(json, "z", segment.Test.Z);
                WriteNumber(json, "relative_error", segment.Test.RelativeError);
                WriteNumber(json, "correction_factor", segment.CorrectionFactor);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private void WriteSegments(TextWriter writer)
    {
        if (report.Segments is null)
        {
            writer.WriteLine(Messages.CalibrateNotDriftLike);
            return;
        }

        if (report.Segments.Segments.Count == 0)
        {
            writer.WriteLine(Messages.CalibrateNoSegments);
            return;
        }

        writer.WriteLine(Messages.CalibrateSegmentsTitle);
        var table = new TextTable(
            [
                Messages.HeaderNumber, Messages.HeaderSegment, Messages.HeaderImpressions, Messages.HeaderLabels,
                Messages.HeaderPredicted, Messages.HeaderRatio, Messages.HeaderZ, Messages.HeaderCorrection,
            ],
            [true, false, true, true, true, true, true, true]);
        var segments = report.Segments.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            table.AddRow(
                NumberText.Count(i + 1),
                segment.Segment.ToString(),
                NumberText.Measure(segment.Totals.Impressions),
                NumberText.Measure(segment.Totals.Labels),
                NumberText.Measure(segment.Totals.PredictionSum),
                Optional(segment.CalibrationRatio),
                NumberText.Score(segment.Test.Z),
                Optional(segment.CorrectionFactor));
        }

        table.Write(writer);
    }

    private static string Optional(double? value) => value is { } number ? NumberText.Score(number) : "-";

    // Calibration errors are small fractions, so they get more digits than scores.
    private static string Small(double value) => double.IsFinite(value) ? value.ToString("0.000000", CultureInfo.InvariantCulture) : "-";

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);
}
