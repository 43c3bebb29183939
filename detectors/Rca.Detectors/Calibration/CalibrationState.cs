namespace Rca.Detectors.Calibration;

/// <summary>
/// The drift verdict of one window.
/// </summary>
public enum CalibrationState
{
    /// <summary>The window is judged and every metric is inside its band.</summary>
    Ok,

    /// <summary>
    /// A metric is out of its band, but for fewer consecutive judged windows than
    /// <see cref="CalibrationDriftOptions.ConsecutiveWindows"/>; with the default of 2 this is
    /// the first out-of-band window. It does not alert.
    /// </summary>
    Drifting,

    /// <summary>A metric has been out of its band for at least <see cref="CalibrationDriftOptions.ConsecutiveWindows"/> consecutive judged windows: the model has drifted.</summary>
    Drifted,

    /// <summary>
    /// Too few labels have arrived to judge the window: it is younger than the label delay and
    /// either no label-completion curve is configured or the curve's completion is below
    /// <see cref="CalibrationDriftOptions.MinLabelCompletion"/>. Its metrics are shown but never alert.
    /// </summary>
    Immature,

    /// <summary>A band must be learned but there are fewer in-band mature windows before this one than <see cref="CalibrationDriftOptions.MinHistoryWindows"/>.</summary>
    InsufficientHistory,
}
