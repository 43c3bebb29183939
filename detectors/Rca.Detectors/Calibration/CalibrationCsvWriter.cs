using System.Globalization;
using Rca.Detectors.Data;

namespace Rca.Detectors.Calibration;

/// <summary>
/// Writes calibration data as CSV: aggregates with the header
/// <c>window_start,model,&lt;fields&gt;,[bucket,]impressions,labels,pred_sum[,pred_sq_sum]</c>, and raw
/// predictions with the header <c>prediction,label,&lt;fields&gt;</c>.
/// </summary>
/// <remarks>
/// Window starts are ISO 8601 UTC (<c>2026-01-01T00:00:00Z</c>). Numbers use the shortest text
/// that reads back to the same double. Fields with a comma, quote or line break are quoted per
/// RFC 4180. Lines end with LF. <see cref="CalibrationCsvReader"/> reads both formats back.
/// </remarks>
public static class CalibrationCsvWriter
{
    /// <summary>Writes the windows' rows, window after window.</summary>
    /// <exception cref="ArgumentException">No windows, or windows that differ in fields, buckets or square sums.</exception>
    public static void WriteAggregates(IReadOnlyList<CalibrationWindow> windows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(writer);
        if (windows.Count == 0)
        {
            throw new ArgumentException("Expected at least one window to write.", nameof(windows));
        }

        var first = windows[0];
        foreach (var window in windows)
        {
            if (!window.FieldNames.SequenceEqual(first.FieldNames)
                || (window.Rows.Count > 0 && first.Rows.Count > 0
                    && (window.HasBuckets != first.HasBuckets || window.HasPredictionSquareSum != first.HasPredictionSquareSum)))
            {
                throw new ArgumentException(
                    $"Window {window.Start:O} of '{window.Model}' differs from the first window in fields, buckets or pred_sq_sum; one file has one column layout.", nameof(windows));
            }
        }

        var hasBuckets = windows.Any(window => window.HasBuckets);
        var hasSquareSum = windows.Any(window => window.HasPredictionSquareSum);
        writer.Write("window_start,model");
        foreach (var field in first.FieldNames)
        {
            writer.Write(',');
            WriteText(writer, field);
        }

        writer.Write(hasBuckets ? ",bucket,impressions,labels,pred_sum" : ",impressions,labels,pred_sum");
        writer.Write(hasSquareSum ? ",pred_sq_sum\n" : "\n");
        foreach (var window in windows)
        {
            var start = window.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            foreach (var row in window.Rows)
            {
                writer.Write(start);
                writer.Write(',');
                WriteText(writer, window.Model);
                foreach (var value in row.FieldValues)
                {
                    writer.Write(',');
                    WriteText(writer, value);
                }

                if (hasBuckets)
                {
                    writer.Write(',');
                    writer.Write(row.Bucket!.Value.ToString(CultureInfo.InvariantCulture));
                }

                WriteNumber(writer, row.Impressions);
                WriteNumber(writer, row.Labels);
                WriteNumber(writer, row.PredictionSum);
                if (hasSquareSum)
                {
                    WriteNumber(writer, row.PredictionSquareSum!.Value);
                }

                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes raw predictions, one impression per line.</summary>
    public static void WriteRawPredictions(RawPredictionSet predictions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("prediction,label");
        foreach (var field in predictions.FieldNames)
        {
            writer.Write(',');
            WriteText(writer, field);
        }

        writer.Write('\n');
        foreach (var row in predictions.Rows)
        {
            writer.Write(SqueezeCsvWriter.FormatNumber(row.Prediction));
            writer.Write(row.Label == 1 ? ",1" : ",0");
            foreach (var value in row.FieldValues)
            {
                writer.Write(',');
                WriteText(writer, value);
            }

            writer.Write('\n');
        }
    }

    private static void WriteNumber(TextWriter writer, double value)
    {
        writer.Write(',');
        writer.Write(SqueezeCsvWriter.FormatNumber(value));
    }

    private static void WriteText(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
