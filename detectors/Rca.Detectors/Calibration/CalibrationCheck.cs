namespace Rca.Detectors.Calibration;

/// <summary>
/// The calibration check of one model and window: its metrics, its drift verdict and, for a
/// drifted window, the miscalibrated segments.
/// </summary>
/// <param name="Window">The window as read, with the labels that had arrived.</param>
/// <param name="LabelCompletion">The expected share of labels that had arrived: 1 for a mature window, the curve's value for a younger one, NaN for an immature window without a curve.</param>
/// <param name="Metrics">The metrics, computed on the predictions scaled by <paramref name="LabelCompletion"/> when it is below 1.</param>
/// <param name="Verdict">The drift verdict.</param>
/// <param name="Segments">
/// The localized segments of a <see cref="CalibrationState.Drifted"/> window, found on the pooled
/// rows of the last <see cref="CalibrationDriftOptions.ConsecutiveWindows"/> out-of-band windows;
/// null in every other state.
/// </param>
public sealed record CalibrationCheck(
    CalibrationWindow Window,
    double LabelCompletion,
    WindowCalibration Metrics,
    CalibrationVerdict Verdict,
    SegmentLocalization? Segments);
