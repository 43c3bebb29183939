using Rca.Detectors.Data;

namespace Rca.Detectors.Calibration;

/// <summary>
/// Checks the calibration of one CSV file offline, for the <c>rca calibrate</c> command and the
/// upload endpoint: reads aggregates or raw predictions, computes the metrics over every row and,
/// when the file looks drifted, localizes the miscalibrated segments.
/// </summary>
/// <remarks>
/// An aggregate file may hold several windows of one model; their rows are pooled, because an
/// offline check has no history to judge windows against. The file looks drifted when the
/// z-test (<see cref="SegmentZTest"/>) flags the totals or any single field value; only then does
/// <see cref="MiscalibratedSegmentLocalizer"/> run, and only segments that pass the z-test are
/// reported.
/// </remarks>
public static class CalibrationFileCheck
{
    // Window lengths do not enter any metric of a pooled file, so any positive length works.
    private static readonly TimeSpan PooledLength = TimeSpan.FromHours(1);

    /// <summary>Checks a file.</summary>
    /// <exception cref="InvalidDataFileException">The file is missing or malformed, contains several models, or <see cref="CalibrationFileCheckOptions.Fields"/> names a column the file lacks.</exception>
    public static CalibrationFileReport CheckFile(string path, CalibrationFileCheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CheckText(DataFileText.ReadFile(path), path, options, cancellationToken);
    }

    /// <summary>Checks the content of a stream; <paramref name="displayName"/> names it in errors.</summary>
    /// <inheritdoc cref="CheckFile" path="/exception"/>
    public static CalibrationFileReport CheckStream(Stream stream, string displayName, CalibrationFileCheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return CheckText(DataFileText.ReadStream(stream, displayName), displayName, options, cancellationToken);
    }

    /// <summary>
    /// Returns the layout named by a header: raw when it has <c>prediction</c> and <c>label</c>
    /// columns, aggregate when it has <c>pred_sum</c>.
    /// </summary>
    /// <exception cref="InvalidDataFileException">The header fits neither layout or both.</exception>
    public static CalibrationFileFormat DetectFormat(IReadOnlyList<string> header, string displayName, int headerLine)
    {
        ArgumentNullException.ThrowIfNull(header);
        var raw = header.Contains("prediction") && header.Contains("label");
        var aggregate = header.Contains("pred_sum");
        return (raw, aggregate) switch
        {
            (true, false) => CalibrationFileFormat.Raw,
            (false, true) => CalibrationFileFormat.Aggregate,
            (true, true) => throw new InvalidDataFileException(
                displayName, headerLine, null, "the header has both prediction/label and pred_sum columns. Name the format explicitly (aggregate or raw)"),
            _ => throw new InvalidDataFileException(
                displayName, headerLine, null, "the header has neither prediction and label columns (raw predictions) nor a pred_sum column (aggregates). Expected one of the two calibration layouts"),
        };
    }

    private static CalibrationFileReport CheckText(string text, string displayName, CalibrationFileCheckOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var format = options.Format ?? Detect(text, displayName);
        return format == CalibrationFileFormat.Raw
            ? CheckRaw(CalibrationCsvReader.ParseRawPredictions(text, displayName), displayName, options, cancellationToken)
            : CheckAggregates(CalibrationCsvReader.ParseAggregates(text, displayName, PooledLength), displayName, options, cancellationToken);
    }

    private static CalibrationFileFormat Detect(string text, string displayName)
    {
        var header = CsvHeader.Read(new CsvTokenizer(text, displayName), displayName);
        return DetectFormat(header.Names, displayName, header.Line);
    }

    private static CalibrationFileReport CheckAggregates(
        List<CalibrationWindow> windows, string displayName, CalibrationFileCheckOptions options, CancellationToken cancellationToken)
    {
        var models = windows.Select(window => window.Model).Distinct(StringComparer.Ordinal).ToArray();
        if (models.Length > 1)
        {
            throw new InvalidDataFileException(
                displayName, null, null, $"the file has rows of {models.Length} models ({string.Join(", ", models)}). Expected the rows of one model");
        }

        var rows = new List<CalibrationRow>();
        foreach (var window in windows)
        {
            rows.AddRange(window.Rows);
        }

        var first = windows[0];
        var pooled = new CalibrationWindow(first.Model, first.Start, PooledLength, first.FieldNames, rows);
        var selected = SelectFields(pooled, options.Fields, displayName);
        return Report(CalibrationFileFormat.Aggregate, first.Model, windows.Count, rows.Count, selected, null, options, cancellationToken);
    }

    private static CalibrationFileReport CheckRaw(RawPredictionSet predictions, string displayName, CalibrationFileCheckOptions options, CancellationToken cancellationToken)
    {
        var window = predictions.ToWindow("raw", DateTimeOffset.UnixEpoch, PooledLength, options.BucketCount);
        var selected = SelectFields(window, options.Fields, displayName);
        var p = predictions.Predictions();
        var y = predictions.Labels();
        var raw = (RawPredictionMetrics.LogLoss(p, y), RawPredictionMetrics.BrierScore(p, y), RawPredictionMetrics.Auc(p, y));
        return Report(CalibrationFileFormat.Raw, null, 1, predictions.Rows.Count, selected, raw, options, cancellationToken);
    }

    private static CalibrationFileReport Report(
        CalibrationFileFormat format,
        string? model,
        int windowCount,
        int rowCount,
        CalibrationWindow window,
        (double? LogLoss, double? Brier, double? Auc)? raw,
        CalibrationFileCheckOptions options,
        CancellationToken cancellationToken)
    {
        var metrics = CalibrationMetrics.Compute(window, options.FieldRceEpsilon);
        var overall = SegmentZTest.Test(metrics.Totals, options.SegmentTest);
        var flaggedValues = 0;
        foreach (var field in metrics.Fields)
        {
            foreach (var value in field.Values)
            {
                if (SegmentZTest.Test(value.Totals, options.SegmentTest).Flagged)
                {
                    flaggedValues++;
                }
            }
        }

        SegmentLocalization? segments = null;
        if (overall.Flagged || flaggedValues > 0)
        {
            var localizer = new MiscalibratedSegmentLocalizer(options.Localizer, options.SegmentTest, options.MinLeafPredictionSum);
            segments = localizer.Localize(window, cancellationToken);
        }

        return new CalibrationFileReport(
            format, model, windowCount, rowCount, window.FieldNames, metrics,
            raw?.LogLoss, raw?.Brier, raw?.Auc, overall, flaggedValues, segments);
    }

    /// <summary>Returns the window with only the requested fields, summing rows over the others.</summary>
    private static CalibrationWindow SelectFields(CalibrationWindow window, IReadOnlyList<string>? fields, string displayName)
    {
        if (fields is null || fields.Count == 0)
        {
            return window;
        }

        var indexes = new int[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            indexes[i] = IndexOf(window.FieldNames, fields[i]);
            if (indexes[i] < 0)
            {
                throw new InvalidDataFileException(
                    displayName, null, null, $"the file has no field column '{fields[i]}'. Expected fields among: {string.Join(", ", window.FieldNames)}");
            }

            if (Array.IndexOf(indexes, indexes[i], 0, i) >= 0)
            {
                throw new InvalidDataFileException(displayName, null, null, $"field '{fields[i]}' is named twice. Name each field once");
            }
        }

        var rows = new CalibrationRow[window.Rows.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = window.Rows[r];
            var values = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                values[i] = row.FieldValues[indexes[i]];
            }

            rows[r] = row with { FieldValues = values };
        }

        return new CalibrationWindow(window.Model, window.Start, window.Length, [.. fields], rows);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
