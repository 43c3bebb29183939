using System.Globalization;
using Rca.Detectors.Calibration;
using Rca.Server.Sources;

namespace Rca.Server.Calibration;

/// <summary>
/// Formats calibration windows as InfluxDB line protocol in the layout the check job reads:
/// one point per row at the window start, the model and field values as tags, and the fields
/// <c>impressions</c>, <c>labels</c>, <c>pred_sum</c> and (when known) <c>pred_sq_sum</c>.
/// </summary>
internal static class CalibrationPoints
{
    public static IEnumerable<string> ToLines(IEnumerable<CalibrationWindow> windows, string measurement, string modelTag, string modelValue, string? bucketTag = null)
    {
        foreach (var window in windows)
        {
            foreach (var row in window.Rows)
            {
                var tags = new List<KeyValuePair<string, string>>(window.FieldNames.Count + 2) { new(modelTag, modelValue) };
                for (var i = 0; i < window.FieldNames.Count; i++)
                {
                    tags.Add(new(window.FieldNames[i], row.FieldValues[i]));
                }

                if (bucketTag is not null && row.Bucket is { } bucket)
                {
                    tags.Add(new(bucketTag, bucket.ToString(CultureInfo.InvariantCulture)));
                }

                var fields = new List<KeyValuePair<string, object>>(4)
                {
                    new("impressions", row.Impressions),
                    new("labels", row.Labels),
                    new("pred_sum", row.PredictionSum),
                };
                if (row.PredictionSquareSum is { } squareSum)
                {
                    fields.Add(new("pred_sq_sum", squareSum));
                }

                yield return InfluxLineProtocol.FormatPoint(measurement, tags, fields, window.Start);
            }
        }
    }
}
