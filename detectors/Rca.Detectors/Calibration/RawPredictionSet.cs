namespace Rca.Detectors.Calibration;

/// <summary>
/// Per-impression predictions and outcomes over named fields, from which log-loss, the Brier
/// score and AUC can be computed, and which group into a <see cref="CalibrationWindow"/>.
/// </summary>
/// <remarks>
/// The constructor checks that each prediction is a finite number in [0, 1], each label is 0 or
/// 1 (one impression has one outcome) and each row has one value per field.
/// </remarks>
public sealed class RawPredictionSet
{
    private readonly string[] _fieldNames;
    private readonly RawPrediction[] _rows;

    /// <summary>Creates the set after checking every row.</summary>
    /// <exception cref="ArgumentException">A row breaks a rule listed on the type, or a field name is empty or repeated.</exception>
    public RawPredictionSet(IReadOnlyList<string> fieldNames, IReadOnlyList<RawPrediction> rows)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(rows);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in fieldNames)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Field names must be distinct and not empty, got '{name}'.", nameof(fieldNames));
            }
        }

        _fieldNames = [.. fieldNames];
        _rows = [.. rows];
        for (var i = 0; i < _rows.Length; i++)
        {
            var row = _rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            if (!(row.Prediction is >= 0 and <= 1))
            {
                throw new ArgumentException($"Row {i} has prediction {row.Prediction}; expected a probability in [0, 1].", nameof(rows));
            }

            if (row.Label is not (0 or 1))
            {
                throw new ArgumentException($"Row {i} has label {row.Label}; expected 0 or 1.", nameof(rows));
            }

            if (row.FieldValues is null || row.FieldValues.Count != _fieldNames.Length)
            {
                throw new ArgumentException(
                    $"Row {i} has {row.FieldValues?.Count ?? 0} field values; expected {_fieldNames.Length}.", nameof(rows));
            }
        }
    }

    /// <summary>The field names, in the order of every row's <see cref="RawPrediction.FieldValues"/>.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>The impressions.</summary>
    public IReadOnlyList<RawPrediction> Rows => _rows;

    /// <summary>Returns the predictions as an array, in row order.</summary>
    public double[] Predictions()
    {
        var predictions = new double[_rows.Length];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = _rows[i].Prediction;
        }

        return predictions;
    }

    /// <summary>Returns the labels as an array of 0 and 1, in row order.</summary>
    public double[] Labels()
    {
        var labels = new double[_rows.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = _rows[i].Label;
        }

        return labels;
    }

    /// <summary>
    /// Groups the impressions into aggregate rows per combination of field values and
    /// equal-width prediction bucket: a prediction <c>p</c> goes to bucket
    /// <c>min(⌊p·B⌋, B − 1)</c>, so bucket <c>b</c> covers <c>[b/B, (b+1)/B)</c> and the last
    /// one includes 1.
    /// </summary>
    /// <param name="model">The model name of the window.</param>
    /// <param name="start">The window start.</param>
    /// <param name="length">The window length.</param>
    /// <param name="bucketCount">The number of buckets <c>B</c>; at least 1.</param>
    public CalibrationWindow ToWindow(string model, DateTimeOffset start, TimeSpan length, int bucketCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<(string[] Values, int Bucket)>();
        var sums = new List<double[]>();
        foreach (var row in _rows)
        {
            var bucket = Math.Min((int)(row.Prediction * bucketCount), bucketCount - 1);
            var key = string.Join('\u001f', row.FieldValues) + '\u001e' + bucket;
            if (!groups.TryGetValue(key, out var group))
            {
                group = keys.Count;
                groups.Add(key, group);
                keys.Add(([.. row.FieldValues], bucket));
                sums.Add(new double[4]);
            }

            var sum = sums[group];
            sum[0] += 1;
            sum[1] += row.Label;
            sum[2] += row.Prediction;
            sum[3] += row.Prediction * row.Prediction;
        }

        var rows = new CalibrationRow[keys.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var sum = sums[i];
            rows[i] = new CalibrationRow(keys[i].Values, keys[i].Bucket, sum[0], sum[1], sum[2], sum[3]);
        }

        return new CalibrationWindow(model, start, length, _fieldNames, rows);
    }
}
