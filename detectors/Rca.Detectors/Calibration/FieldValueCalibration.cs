namespace Rca.Detectors.Calibration;

/// <summary>
/// The totals of one value of a field, with its calibration ratio.
/// </summary>
/// <param name="Value">The field value.</param>
/// <param name="Totals">The impressions, labels and prediction sums of the value.</param>
public sealed record FieldValueCalibration(string Value, CalibrationTotals Totals)
{
    /// <summary>The calibration ratio <c>P / Y</c> of the value; null when it has no labels.</summary>
    public double? CalibrationRatio => Totals.CalibrationRatio;
}
