using System.Globalization;
using System.Text.Json;
using Rca.Detectors.Calibration;
using Rca.Server.Sources;

namespace Rca.Server.Calibration;

/// <summary>
/// Reads the <c>/query</c> response of <see cref="CalibrationQuery"/> (plain or chunked) into
/// calibration windows, oldest first.
/// </summary>
/// <remarks>
/// A missing sum (the field has no points in that series and window) counts as 0. The square sum
/// is the exception: a window has square sums for every row or for none, so a window in which any
/// row lacks one is read without them. A statement error, a truncated result, a bucket that is not a
/// whole number or rows that break the aggregate rules raise <see cref="InfluxQlResponseException"/>.
/// </remarks>
internal static class CalibrationResponseReader
{
    public static async Task<IReadOnlyList<CalibrationWindow>> ReadAsync(
        Stream body, CalibrationModelOptions model, string modelName, CancellationToken cancellationToken)
    {
        var rowsByStart = new SortedDictionary<long, List<CalibrationRow>>();
        var responses = JsonSerializer.DeserializeAsyncEnumerable(body, InfluxQlJsonContext.Default.InfluxQlResponse, topLevelValues: true, cancellationToken);
        var lastPartial = false;
        await foreach (var response in responses)
        {
            if (response is null)
            {
                continue;
            }

            if (response.Error is not null)
            {
                throw new InfluxQlResponseException(response.Error);
            }

            foreach (var result in response.Results ?? [])
            {
                if (result.Error is not null)
                {
                    throw new InfluxQlResponseException(result.Error);
                }

                foreach (var series in result.Series ?? [])
                {
                    AddSeries(rowsByStart, model, series);
                }

                lastPartial = result.Partial;
            }
        }

        // Every chunk but the last is partial, so a partial last chunk means the server cut the result short.
        if (lastPartial)
        {
            throw new InfluxQlResponseException("the result was truncated by the server (partial: true); raise [http] max-row-limit or lower the model's LookbackWindows");
        }

        var length = model.WindowLength;
        var windows = new List<CalibrationWindow>(rowsByStart.Count);
        foreach (var (startMs, rows) in rowsByStart)
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
            var complete = rows.TrueForAll(row => row.PredictionSquareSum is not null);
            var windowRows = complete ? rows : rows.ConvertAll(row => row with { PredictionSquareSum = null });
            try
            {
                windows.Add(new CalibrationWindow(modelName, start, length, model.Fields, windowRows));
            }
            catch (ArgumentException error)
            {
                throw new InfluxQlResponseException($"the window starting {start:O} has invalid aggregates: {error.Message}");
            }
        }

        return windows;
    }

    private static void AddSeries(SortedDictionary<long, List<CalibrationRow>> rowsByStart, CalibrationModelOptions model, InfluxQlSeries series)
    {
        var columns = series.Columns ?? throw new InfluxQlResponseException($"series '{series.Name}' has no columns");
        var time = Array.IndexOf(columns, "time");
        var n = Array.IndexOf(columns, CalibrationQuery.ImpressionsColumn);
        var y = Array.IndexOf(columns, CalibrationQuery.LabelsColumn);
        var p = Array.IndexOf(columns, CalibrationQuery.PredictionSumColumn);
        var q = Array.IndexOf(columns, CalibrationQuery.PredictionSquareSumColumn);
        if (time < 0 || n < 0 || y < 0 || p < 0 || q < 0)
        {
            throw new InfluxQlResponseException($"series '{series.Name}' has columns [{string.Join(", ", columns)}]; expected time, n, y, p, q");
        }

        var values = new string[model.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Tag(series, model.Fields[i]);
        }

        int? bucket = null;
        if (!string.IsNullOrEmpty(model.BucketTag))
        {
            var text = Tag(series, model.BucketTag);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new InfluxQlResponseException($"tag '{model.BucketTag}' has value '{text}'; expected a bucket index, a whole number of 0 or more");
            }

            bucket = index;
        }

        foreach (var row in series.Values ?? [])
        {
            if (Cell(row, time) is not { } startMs)
            {
                throw new InfluxQlResponseException($"series '{series.Name}' has a row without a time");
            }

            if (!rowsByStart.TryGetValue((long)startMs, out var rows))
            {
                rows = [];
                rowsByStart.Add((long)startMs, rows);
            }

            rows.Add(new CalibrationRow(values, bucket, Cell(row, n) ?? 0, Cell(row, y) ?? 0, Cell(row, p) ?? 0, Cell(row, q)));
        }
    }

    private static string Tag(InfluxQlSeries series, string key) =>
        series.Tags is not null && series.Tags.TryGetValue(key, out var value) ? value : "";

    private static double? Cell(InfluxQlRow row, int column) => column < row.Length ? row.Numbers[column] : null;
}
