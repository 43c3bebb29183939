using Rca.Detectors.Data;

namespace Rca.Detectors.Synthetic.Calibration;

/// <summary>
/// A calibration drift injected into a generated stream: from one window on, the predictions of
/// every impression in a segment are multiplied by a factor.
/// </summary>
/// <param name="Segment">The segment, for example <c>site=site_3</c>.</param>
/// <param name="Factor">The prediction multiplier: 1.3 over-predicts by 30 %, 0.8 under-predicts by 20 %. Positive.</param>
/// <param name="FromWindow">The 0-based index of the first drifted window.</param>
public sealed record CalibrationDrift(AttributeCombination Segment, double Factor, int FromWindow);
