namespace Rca.Detectors.Calibration;

/// <summary>
/// Computes the calibration metrics of one window from its aggregate rows: the calibration
/// ratio, Field-ECE and Field-RCE per field, and the bucket ECE with its reliability diagram.
/// </summary>
/// <remarks>
/// Field-ECE and Field-RCE follow Pan et al., "Field-aware Calibration: A Simple and
/// Empirically Strong Method for Reliable Probabilistic Predictions", WWW 2020 (arXiv
/// 1905.10713). With <c>N</c> impressions in the window and, for each value <c>z</c> of a field,
/// <c>N_z</c> impressions, <c>Y_z</c> labels and <c>P_z</c> predicted labels:
/// Field-ECE <c>= (1/N)·Σ_z |Y_z − P_z|</c> and Field-RCE
/// <c>= (1/N)·Σ_z N_z·|Y_z − P_z| / (Y_z + ε)</c>. A window with no impressions has every error 0.
/// </remarks>
public static class CalibrationMetrics
{
    /// <summary>The default ε of Field-RCE: one label, which keeps values with no labels finite.</summary>
    public const double DefaultEpsilon = 1;

    /// <summary>Computes every metric of a window.</summary>
    /// <param name="window">The window.</param>
    /// <param name="epsilon">The ε of Field-RCE, in labels; positive.</param>
    public static WindowCalibration Compute(CalibrationWindow window, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(window);
        CheckEpsilon(epsilon);
        var totals = window.Totals();
        var fields = new FieldCalibration[window.FieldNames.Count];
        for (var field = 0; field < fields.Length; field++)
        {
            fields[field] = ComputeField(window, field, epsilon);
        }

        if (!window.HasBuckets)
        {
            return new WindowCalibration(totals, fields, null, []);
        }

        var (bucketEce, points) = ComputeBuckets(window, totals.Impressions);
        return new WindowCalibration(totals, fields, bucketEce, points);
    }

    /// <summary>Returns Field-ECE, <c>(1/N)·Σ_z |Y_z − P_z|</c>, over per-value totals; 0 when <c>N = 0</c>.</summary>
    public static double FieldEce(IReadOnlyList<CalibrationTotals> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double impressions = 0, error = 0;
        foreach (var value in values)
        {
            impressions += value.Impressions;
            error += Math.Abs(value.Labels - value.PredictionSum);
        }

        return impressions == 0 ? 0 : error / impressions;
    }

    /// <summary>
    /// Returns Field-RCE, <c>(1/N)·Σ_z N_z·|Y_z − P_z| / (Y_z + ε)</c>, over per-value totals;
    /// 0 when <c>N = 0</c>.
    /// </summary>
    public static double FieldRce(IReadOnlyList<CalibrationTotals> values, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckEpsilon(epsilon);
        double impressions = 0, error = 0;
        foreach (var value in values)
        {
            impressions += value.Impressions;
            error += value.Impressions * Math.Abs(value.Labels - value.PredictionSum) / (value.Labels + epsilon);
        }

        return impressions == 0 ? 0 : error / impressions;
    }

    private static FieldCalibration ComputeField(CalibrationWindow window, int field, double epsilon)
    {
        var byValue = new SortedDictionary<string, CalibrationTotals>(StringComparer.Ordinal);
        foreach (var row in window.Rows)
        {
            var value = row.FieldValues[field];
            byValue[value] = byValue.TryGetValue(value, out var sum) ? sum.Add(row) : CalibrationTotals.Empty.Add(row);
        }

        var values = new FieldValueCalibration[byValue.Count];
        var totals = new CalibrationTotals[byValue.Count];
        var i = 0;
        foreach (var (value, sum) in byValue)
        {
            values[i] = new FieldValueCalibration(value, sum);
            totals[i] = sum;
            i++;
        }

        return new FieldCalibration(window.FieldNames[field], FieldEce(totals), FieldRce(totals, epsilon), values);
    }

    private static (double Ece, ReliabilityPoint[] Points) ComputeBuckets(CalibrationWindow window, double impressions)
    {
        var byBucket = new SortedDictionary<int, CalibrationTotals>();
        foreach (var row in window.Rows)
        {
            var bucket = row.Bucket!.Value;
            byBucket[bucket] = byBucket.TryGetValue(bucket, out var sum) ? sum.Add(row) : CalibrationTotals.Empty.Add(row);
        }

        // Σ_b (N_b/N)·|Y_b/N_b − P_b/N_b| simplifies to (1/N)·Σ_b |Y_b − P_b|.
        double error = 0;
        var points = new List<ReliabilityPoint>(byBucket.Count);
        foreach (var (bucket, sum) in byBucket)
        {
            error += Math.Abs(sum.Labels - sum.PredictionSum);
            if (sum.Impressions > 0)
            {
                points.Add(new ReliabilityPoint(bucket, sum.Impressions, sum.PredictionSum / sum.Impressions, sum.Labels / sum.Impressions));
            }
        }

        return (impressions == 0 ? 0 : error / impressions, [.. points]);
    }

    private static void CheckEpsilon(double epsilon)
    {
        if (!(epsilon > 0 && double.IsFinite(epsilon)))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The Field-RCE epsilon must be a positive number of labels.");
        }
    }
}
