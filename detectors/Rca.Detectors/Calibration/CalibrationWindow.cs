namespace Rca.Detectors.Calibration;

/// <summary>
/// The aggregate rows of one model for one time window, as the serving side writes them:
/// one row per combination of field values (and bucket, when buckets are recorded).
/// </summary>
/// <remarks>
/// The constructor enforces what every calculation relies on: each row has one value per field,
/// counts are finite and not negative, <c>labels ≤ impressions</c>, <c>pred_sum ≤ impressions</c>
/// and <c>pred_sq_sum ≤ pred_sum</c> (each prediction is in [0, 1]), and either every row or no
/// row has a bucket, and likewise for the square sum. Two rows may repeat a combination; they
/// are added up.
/// </remarks>
public sealed class CalibrationWindow
{
    // Sums of many doubles can exceed their bound by rounding alone.
    private const double RelativeTolerance = 1e-9;

    private readonly string[] _fieldNames;
    private readonly CalibrationRow[] _rows;

    /// <summary>Creates a window after checking every row.</summary>
    /// <param name="model">The model name and version.</param>
    /// <param name="start">The inclusive start of the window.</param>
    /// <param name="length">The length of the window; positive.</param>
    /// <param name="fieldNames">The field (tag) names, distinct and not empty.</param>
    /// <param name="rows">The aggregate rows.</param>
    /// <exception cref="ArgumentException">An argument or row breaks a rule listed on the type; the message names the row.</exception>
    public CalibrationWindow(
        string model,
        DateTimeOffset start,
        TimeSpan length,
        IReadOnlyList<string> fieldNames,
        IReadOnlyList<CalibrationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(rows);
        if (length <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The window length must be positive, got {length}.", nameof(length));
        }

        if (fieldNames.Count == 0)
        {
            throw new ArgumentException("A calibration window needs at least one field.", nameof(fieldNames));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in fieldNames)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Field names must be distinct and not empty, got '{name}'.", nameof(fieldNames));
            }
        }

        Model = model;
        Start = start;
        Length = length;
        _fieldNames = [.. fieldNames];
        _rows = [.. rows];
        for (var i = 0; i < _rows.Length; i++)
        {
            CheckRow(_rows[i], i);
        }

        HasBuckets = _rows.Length > 0 && _rows[0].Bucket is not null;
        HasPredictionSquareSum = _rows.Length > 0 && _rows[0].PredictionSquareSum is not null;
    }

    /// <summary>The model name and version.</summary>
    public string Model { get; }

    /// <summary>The inclusive start of the window.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The length of the window.</summary>
    public TimeSpan Length { get; }

    /// <summary>The exclusive end of the window.</summary>
    public DateTimeOffset End => Start + Length;

    /// <summary>The field names, in the order of every row's <see cref="CalibrationRow.FieldValues"/>.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>The aggregate rows.</summary>
    public IReadOnlyList<CalibrationRow> Rows => _rows;

    /// <summary>Whether the rows carry predicted-probability buckets.</summary>
    public bool HasBuckets { get; }

    /// <summary>Whether the rows carry the sum of squared predictions.</summary>
    public bool HasPredictionSquareSum { get; }

    /// <summary>Returns the totals over every row.</summary>
    public CalibrationTotals Totals()
    {
        var totals = CalibrationTotals.Empty;
        foreach (var row in _rows)
        {
            totals = totals.Add(row);
        }

        return totals;
    }

    /// <summary>
    /// Returns the window with the expected label counts of a young window: every prediction
    /// thinned by the share of labels that has arrived, so <c>P</c> becomes <c>f·P</c> and the
    /// square sum <c>f²·Q</c> (the label of one impression is then Bernoulli(<c>f·p</c>)).
    /// </summary>
    /// <param name="completion">The expected share of labels that has arrived, in (0, 1].</param>
    public CalibrationWindow WithLabelCompletion(double completion)
    {
        if (!(completion is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(completion), completion, "The label completion must be in (0, 1].");
        }

        if (completion == 1)
        {
            return this;
        }

        var rows = new CalibrationRow[_rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = _rows[i];
            rows[i] = row with
            {
                PredictionSum = row.PredictionSum * completion,
                PredictionSquareSum = row.PredictionSquareSum * completion * completion,
            };
        }

        return new CalibrationWindow(Model, Start, Length, _fieldNames, rows);
    }

    private void CheckRow(CalibrationRow row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.FieldValues is null || row.FieldValues.Count != _fieldNames.Length)
        {
            throw new ArgumentException(
                $"Row {index} has {row.FieldValues?.Count ?? 0} field values; expected {_fieldNames.Length} ({string.Join(", ", _fieldNames)}).", "rows");
        }

        foreach (var value in row.FieldValues)
        {
            if (value is null)
            {
                throw new ArgumentException($"Row {index} has a null field value.", "rows");
            }
        }

        CheckCount(row.Impressions, "impressions", index);
        CheckCount(row.Labels, "labels", index);
        CheckCount(row.PredictionSum, "pred_sum", index);
        if (row.PredictionSquareSum is { } squareSum)
        {
            CheckCount(squareSum, "pred_sq_sum", index);
            CheckAtMost(squareSum, "pred_sq_sum", row.PredictionSum, "pred_sum", index);
        }

        CheckAtMost(row.Labels, "labels", row.Impressions, "impressions", index);
        CheckAtMost(row.PredictionSum, "pred_sum", row.Impressions, "impressions", index);
        if (row.Bucket is < 0)
        {
            throw new ArgumentException($"Row {index} has bucket {row.Bucket}; expected a bucket index of 0 or more.", "rows");
        }

        if (index > 0 && (row.Bucket is null) != (_rows[0].Bucket is null))
        {
            throw new ArgumentException($"Row {index} and row 0 disagree on having a bucket; either every row has one or none has.", "rows");
        }

        if (index > 0 && (row.PredictionSquareSum is null) != (_rows[0].PredictionSquareSum is null))
        {
            throw new ArgumentException($"Row {index} and row 0 disagree on having pred_sq_sum; either every row has it or none has.", "rows");
        }
    }

    private static void CheckCount(double value, string name, int index)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"Row {index} has {name} = {value}; expected a finite number of 0 or more.", "rows");
        }
    }

    private static void CheckAtMost(double value, string name, double bound, string boundName, int index)
    {
        if (value > bound * (1 + RelativeTolerance))
        {
            throw new ArgumentException($"Row {index} has {name} = {value} above {boundName} = {bound}.", "rows");
        }
    }
}
