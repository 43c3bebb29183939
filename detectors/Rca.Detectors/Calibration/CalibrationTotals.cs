namespace Rca.Detectors.Calibration;

/// <summary>
/// Impressions, labels and prediction sums rolled up over a set of rows (a window, a field
/// value, a bucket or a segment).
/// </summary>
/// <param name="Impressions">The number of impressions, <c>N</c>.</param>
/// <param name="Labels">The observed label count, <c>Y</c>.</param>
/// <param name="PredictionSum">The predicted label count, <c>P</c>.</param>
/// <param name="PredictionSquareSum">The sum of squared predictions, or null when any row lacks it.</param>
public readonly record struct CalibrationTotals(
    double Impressions,
    double Labels,
    double PredictionSum,
    double? PredictionSquareSum)
{
    /// <summary>
    /// The calibration ratio <c>P / Y</c>: 1 is calibrated, above 1 over-predicts. Null when
    /// <c>Y = 0</c>, because the ratio is then +∞ (or 0/0 when <c>P = 0</c> too).
    /// </summary>
    public double? CalibrationRatio => Labels == 0 ? null : PredictionSum / Labels;

    /// <summary>
    /// The correction factor <c>Y / P</c> that would make the predictions match the observed
    /// labels; null when <c>P = 0</c>.
    /// </summary>
    public double? CorrectionFactor => PredictionSum == 0 ? null : Labels / PredictionSum;

    /// <summary>Adds one row to the totals; the square sum stays known only while every row has it.</summary>
    public CalibrationTotals Add(CalibrationRow row) => new(
        Impressions + row.Impressions,
        Labels + row.Labels,
        PredictionSum + row.PredictionSum,
        PredictionSquareSum is { } sum && row.PredictionSquareSum is { } rowSum ? sum + rowSum : null);

    /// <summary>Totals of nothing, with a known square sum of 0.</summary>
    public static CalibrationTotals Empty { get; } = new(0, 0, 0, 0);
}
