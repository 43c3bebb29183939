using Rca.Detectors.Calibration;

namespace Rca.Detectors.Synthetic.Calibration;

/// <summary>
/// A generated calibration stream: the windows as seen at <paramref name="ObservedAt"/> and the
/// injected drifts, which are the ground truth for the drift decision and the localization.
/// </summary>
/// <param name="Windows">The windows, oldest first.</param>
/// <param name="Drifts">The injected drifts.</param>
/// <param name="ObservedAt">The time at which the labels were counted.</param>
public sealed record CalibrationStream(
    IReadOnlyList<CalibrationWindow> Windows,
    IReadOnlyList<CalibrationDrift> Drifts,
    DateTimeOffset ObservedAt);
