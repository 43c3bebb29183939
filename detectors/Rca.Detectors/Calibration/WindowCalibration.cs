namespace Rca.Detectors.Calibration;

/// <summary>
/// The calibration metrics of one model and window.
/// </summary>
/// <param name="Totals">The totals over the window.</param>
/// <param name="Fields">Field-ECE, Field-RCE and per-value totals of each field, in field order.</param>
/// <param name="BucketEce">
/// The expected calibration error over prediction buckets, <c>Σ_b (N_b/N)·|Y_b/N_b − P_b/N_b|</c>;
/// null when the rows have no buckets.
/// </param>
/// <param name="Reliability">The reliability-diagram points of the non-empty buckets, by bucket index; empty without buckets.</param>
public sealed record WindowCalibration(
    CalibrationTotals Totals,
    IReadOnlyList<FieldCalibration> Fields,
    double? BucketEce,
    IReadOnlyList<ReliabilityPoint> Reliability)
{
    /// <summary>The overall calibration ratio <c>P / Y</c>; null when the window has no labels.</summary>
    public double? CalibrationRatio => Totals.CalibrationRatio;

    /// <summary>Returns the metrics of a field by name, or null when the window has no such field.</summary>
    public FieldCalibration? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Field == name)
            {
                return field;
            }
        }

        return null;
    }
}
