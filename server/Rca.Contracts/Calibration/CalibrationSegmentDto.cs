namespace Rca.Contracts.Calibration;

/// <summary>
/// A miscalibrated segment: a combination of field values whose observed labels are implausible
/// under its predictions.
/// </summary>
/// <param name="Segment">The field values, such as <c>site=site_2&amp;device=mobile</c>.</param>
/// <param name="Layer">The number of fields the segment fixes.</param>
/// <param name="Impressions">The impressions in the segment, <c>N</c>.</param>
/// <param name="Labels">The observed labels, <c>Y</c>.</param>
/// <param name="PredictionSum">The predicted labels, <c>P</c>.</param>
/// <param name="CalibrationRatio">The calibration ratio <c>P / Y</c>; above 1 over-predicts; null without labels.</param>
/// <param name="Z">The z-score <c>(Y − P) / √Var</c>; negative when over-predicting; null when not finite.</param>
/// <param name="RelativeError">The relative error <c>|Y − P| / P</c>; null when not finite.</param>
/// <param name="CorrectionFactor">The suggested stop-gap factor <c>Y / P</c> for the segment's predictions; null when <c>P = 0</c>.</param>
public sealed record CalibrationSegmentDto(
    string Segment,
    int Layer,
    double Impressions,
    double Labels,
    double PredictionSum,
    double? CalibrationRatio,
    double? Z,
    double? RelativeError,
    double? CorrectionFactor);
