namespace Rca.Detectors.Calibration;

/// <summary>
/// The outcome of the z-test on one segment.
/// </summary>
/// <param name="Z">The standardized difference <c>(Y − P) / √Var</c>; negative when the model over-predicts.</param>
/// <param name="Variance">The variance of the label count used: <c>P − pred_sq_sum</c> when positive, else <c>P</c>.</param>
/// <param name="RelativeError">The relative error <c>|Y − P| / P</c>, the distance of the correction factor <c>Y/P</c> from 1.</param>
/// <param name="Flagged">Whether both <c>|z|</c> and the relative error are above their thresholds.</param>
public readonly record struct SegmentTestResult(double Z, double Variance, double RelativeError, bool Flagged);
