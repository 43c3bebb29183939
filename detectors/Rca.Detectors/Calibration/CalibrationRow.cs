namespace Rca.Detectors.Calibration;

/// <summary>
/// One aggregate row of a calibration window: the impressions of one combination of field
/// values (and, optionally, one predicted-probability bucket) with their label and prediction sums.
/// </summary>
/// <param name="FieldValues">The field values, in the order of <see cref="CalibrationWindow.FieldNames"/>.</param>
/// <param name="Bucket">The 0-based index of the predicted-probability bucket, or null when the source has no buckets.</param>
/// <param name="Impressions">The number of impressions, <c>N</c>.</param>
/// <param name="Labels">The sum of outcomes (clicks or conversions) that have arrived, <c>Y</c>.</param>
/// <param name="PredictionSum">The sum of predicted probabilities, <c>P</c>: the expected label count.</param>
/// <param name="PredictionSquareSum">The sum of squared predicted probabilities, or null when the source does not record it.</param>
public sealed record CalibrationRow(
    IReadOnlyList<string> FieldValues,
    int? Bucket,
    double Impressions,
    double Labels,
    double PredictionSum,
    double? PredictionSquareSum = null);
