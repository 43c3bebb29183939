namespace Rca.Detectors.Calibration;

/// <summary>
/// One impression with its predicted probability and its outcome, for offline checks.
/// </summary>
/// <param name="Prediction">The predicted probability, in [0, 1].</param>
/// <param name="Label">The outcome: 1 for a click or conversion, else 0.</param>
/// <param name="FieldValues">The field values, in the order of <see cref="RawPredictionSet.FieldNames"/>.</param>
public sealed record RawPrediction(double Prediction, int Label, IReadOnlyList<string> FieldValues);
