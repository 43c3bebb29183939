using System.Globalization;
using Rca.Detectors.Data;

namespace Rca.Detectors.Calibration;

/// <summary>
/// Reads the CSV formats of <see cref="CalibrationCsvWriter"/> strictly: aggregates
/// (<c>window_start</c>, <c>model</c>, <c>impressions</c>, <c>labels</c>, <c>pred_sum</c>, optional
/// <c>bucket</c> and <c>pred_sq_sum</c>, every other column a field) and raw predictions
/// (<c>prediction</c>, <c>label</c>, every other column a field). Columns may come in any order.
/// </summary>
/// <remarks>
/// Files are UTF-8 with or without a byte order mark, with RFC 4180 quoting; blank lines are
/// skipped. Every problem raises <see cref="InvalidDataFileException"/> naming the file, line and
/// column: a missing or duplicate column, no field column, a wrong number of cells, an empty,
/// non-numeric, NaN, infinite or negative number, <c>labels &gt; impressions</c>,
/// <c>pred_sum &gt; impressions</c>, <c>pred_sq_sum &gt; pred_sum</c>, a bucket that is not a whole
/// number of 0 or more, a prediction outside [0, 1], a label other than 0 or 1, a repeated row
/// and a file with no rows. <c>window_start</c> is ISO 8601 (UTC unless an offset is given) or
/// whole Unix seconds.
/// </remarks>
public static class CalibrationCsvReader
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>Reads an aggregate file into windows, grouped by model and start, in that order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="windowLength">The length of every window, because the file records only window starts.</param>
    /// <exception cref="InvalidDataFileException">The file is missing or malformed.</exception>
    public static IReadOnlyList<CalibrationWindow> ReadAggregates(string path, TimeSpan windowLength)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseAggregates(DataFileText.ReadFile(path), path, windowLength);
    }

    /// <summary>Reads aggregates from a stream; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataFileException">The content is malformed.</exception>
    public static IReadOnlyList<CalibrationWindow> ReadAggregates(Stream stream, string displayName, TimeSpan windowLength)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return ParseAggregates(DataFileText.ReadStream(stream, displayName), displayName, windowLength);
    }

    /// <summary>Reads a raw-prediction file.</summary>
    /// <exception cref="InvalidDataFileException">The file is missing or malformed.</exception>
    public static RawPredictionSet ReadRawPredictions(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseRawPredictions(DataFileText.ReadFile(path), path);
    }

    /// <summary>Reads raw predictions from a stream; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataFileException">The content is malformed.</exception>
    public static RawPredictionSet ReadRawPredictions(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return ParseRawPredictions(DataFileText.ReadStream(stream, displayName), displayName);
    }

    internal static List<CalibrationWindow> ParseAggregates(string text, string path, TimeSpan windowLength)
    {
        if (windowLength <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(windowLength), windowLength, "The window length must be positive.");
        }

        var tokenizer = new CsvTokenizer(text, path);
        var header = CsvHeader.Read(tokenizer, path);
        var required = header.Require(path, "window_start", "model", "impressions", "labels", "pred_sum");
        var bucketColumn = Array.IndexOf(header.Names, "bucket");
        var squareColumn = Array.IndexOf(header.Names, "pred_sq_sum");
        int[] measureColumns = [.. required, .. new[] { bucketColumn, squareColumn }.Where(column => column >= 0)];
        var fieldColumns = FieldColumns(header, path, measureColumns);
        var fieldNames = fieldColumns.Select(column => header.Names[column]).ToArray();

        var groups = new Dictionary<(string Model, DateTimeOffset Start), List<CalibrationRow>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (tokenizer.ReadRecord())
        {
            if (tokenizer.IsBlank)
            {
                continue;
            }

            var line = tokenizer.RecordLine;
            CheckFieldCount(tokenizer, header, path);
            var start = ParseStart(tokenizer[required[0]], path, line, required[0] + 1);
            var model = tokenizer[required[1]].ToString();
            if (model.Length == 0)
            {
                throw new InvalidDataFileException(path, line, required[1] + 1, DataFileError.EmptyModel, ["model"]);
            }

            var impressions = Number(tokenizer, required[2], header, path, line);
            var labels = Number(tokenizer, required[3], header, path, line);
            var predictionSum = Number(tokenizer, required[4], header, path, line);
            double? squareSum = squareColumn >= 0 ? Number(tokenizer, squareColumn, header, path, line) : null;
            int? bucket = bucketColumn >= 0 ? ParseBucket(tokenizer[bucketColumn], path, line, bucketColumn + 1) : null;
            AtMost(labels, "labels", impressions, "impressions", path, line, required[3] + 1);
            AtMost(predictionSum, "pred_sum", impressions, "impressions", path, line, required[4] + 1);
            if (squareSum is { } square)
            {
                AtMost(square, "pred_sq_sum", predictionSum, "pred_sum", path, line, squareColumn + 1);
            }

            var values = new string[fieldColumns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = tokenizer[fieldColumns[i]].ToString();
            }

            var key = string.Join('\u001f', [model, start.UtcTicks.ToString(CultureInfo.InvariantCulture), bucket?.ToString(CultureInfo.InvariantCulture) ?? "", .. values]);
            if (!seen.TryAdd(key, line))
            {
                var fields = Describe(fieldNames, values) + (bucket is null ? string.Empty : $", bucket={bucket}");
                throw new InvalidDataFileException(
                    path, line, null, DataFileError.CalibrationRowRepeats, [model, start.ToString("O", CultureInfo.InvariantCulture), fields, seen[key]]);
            }

            if (!groups.TryGetValue((model, start), out var rows))
            {
                rows = [];
                groups.Add((model, start), rows);
            }

            rows.Add(new CalibrationRow(values, bucket, impressions, labels, predictionSum, squareSum));
        }

        if (groups.Count == 0)
        {
            throw new InvalidDataFileException(path, null, null, DataFileError.NoCalibrationRows, []);
        }

        return [.. groups
            .OrderBy(group => group.Key.Model, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Start)
            .Select(group => new CalibrationWindow(group.Key.Model, group.Key.Start, windowLength, fieldNames, group.Value))];
    }

    internal static RawPredictionSet ParseRawPredictions(string text, string path)
    {
        var tokenizer = new CsvTokenizer(text, path);
        var header = CsvHeader.Read(tokenizer, path);
        var required = header.Require(path, "prediction", "label");
        var fieldColumns = FieldColumns(header, path, required);
        var fieldNames = fieldColumns.Select(column => header.Names[column]).ToArray();
        var rows = new List<RawPrediction>();
        while (tokenizer.ReadRecord())
        {
            if (tokenizer.IsBlank)
            {
                continue;
            }

            var line = tokenizer.RecordLine;
            CheckFieldCount(tokenizer, header, path);
            var prediction = ParsePrediction(tokenizer[required[0]], path, line, required[0] + 1);
            var label = tokenizer[required[1]].Trim() switch
            {
                "0" => 0,
                "1" => 1,
                var other => throw new InvalidDataFileException(
                    path, line, required[1] + 1, DataFileError.InvalidLabel, [other.ToString(), "label"]),
            };
            var values = new string[fieldColumns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = tokenizer[fieldColumns[i]].ToString();
            }

            rows.Add(new RawPrediction(prediction, label, values));
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataFileException(path, null, null, DataFileError.NoCalibrationRows, []);
        }

        return new RawPredictionSet(fieldNames, rows);
    }

    private static void CheckFieldCount(CsvTokenizer tokenizer, CsvHeader header, string path)
    {
        if (tokenizer.FieldCount != header.Names.Length)
        {
            throw new InvalidDataFileException(
                path, tokenizer.RecordLine, null, DataFileError.FieldCount, [tokenizer.FieldCount, header.Names.Length]);
        }
    }

    private static double Number(CsvTokenizer tokenizer, int column, CsvHeader header, string path, int line) =>
        MeasureCell.Parse(tokenizer[column], path, line, column + 1, header.Names[column]);

    private static void AtMost(double value, string name, double bound, string boundName, string path, int line, int column)
    {
        if (value > bound * (1 + RelativeTolerance))
        {
            throw new InvalidDataFileException(
                path, line, column, DataFileError.ValueAboveBound, [name, value, boundName, bound]);
        }
    }

    private static DateTimeOffset ParseStart(ReadOnlySpan<char> cell, string path, int line, int column)
    {
        if (long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            return start;
        }

        throw new InvalidDataFileException(
            path, line, column, DataFileError.InvalidWindowStart, [cell.ToString(), "window_start", "2026-01-01T00:00:00Z"]);
    }

    private static int ParseBucket(ReadOnlySpan<char> cell, string path, int line, int column)
    {
        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var bucket))
        {
            return bucket;
        }

        throw new InvalidDataFileException(path, line, column, DataFileError.InvalidBucket, [cell.ToString(), "bucket"]);
    }

    private static double ParsePrediction(ReadOnlySpan<char> cell, string path, int line, int column)
    {
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var prediction))
        {
            throw new InvalidDataFileException(path, line, column, DataFileError.PredictionNotANumber, [cell.ToString(), "prediction"]);
        }

        if (!double.IsFinite(prediction))
        {
            throw new InvalidDataFileException(path, line, column, DataFileError.PredictionNotFinite, [cell.ToString()]);
        }

        if (!(prediction is >= 0 and <= 1))
        {
            throw new InvalidDataFileException(path, line, column, DataFileError.PredictionOutOfRange, [cell.ToString()]);
        }

        return prediction + 0.0;
    }

    private static string Describe(string[] names, string[] values) =>
        string.Join(", ", names.Select((name, i) => $"{name}={values[i]}"));

    // The field columns are every column that is not a measure; a file needs at least one.
    private static int[] FieldColumns(CsvHeader header, string path, int[] measureColumns)
    {
        if (header.Names.Length <= measureColumns.Length)
        {
            var names = string.Join(", ", measureColumns.Select(column => header.Names[column]));
            throw new InvalidDataFileException(path, 1, null, DataFileError.NoCalibrationFieldColumns, [names]);
        }

        return header.Others(path, DataFileError.NoCalibrationFieldColumns, measureColumns);
    }
}
