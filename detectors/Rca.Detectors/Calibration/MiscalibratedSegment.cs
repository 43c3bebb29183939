using Rca.Detectors.Data;

namespace Rca.Detectors.Calibration;

/// <summary>
/// A segment (attribute combination of field values) returned by the localizer, with its
/// calibration and z-test.
/// </summary>
/// <param name="Segment">The field values that define the segment, for example <c>site=s3&amp;device=mobile</c>.</param>
/// <param name="Totals">The impressions, labels and predicted labels of the segment.</param>
/// <param name="Test">The z-test of the segment.</param>
public sealed record MiscalibratedSegment(AttributeCombination Segment, CalibrationTotals Totals, SegmentTestResult Test)
{
    /// <summary>The calibration ratio <c>P / Y</c>; null when the segment has no labels.</summary>
    public double? CalibrationRatio => Totals.CalibrationRatio;

    /// <summary>
    /// The suggested correction factor <c>Y / P</c>: multiplying the segment's predictions by it
    /// makes them match the observed labels. A stop-gap, not a retrained model. Null when <c>P = 0</c>.
    /// </summary>
    public double? CorrectionFactor => Totals.CorrectionFactor;
}
