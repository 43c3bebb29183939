namespace Rca.Detectors.Calibration;

/// <summary>
/// A metric that the drift decision watches.
/// </summary>
public enum CalibrationMetric
{
    /// <summary>The overall calibration ratio <c>P / Y</c>; out of band on either side.</summary>
    CalibrationRatio,

    /// <summary>The Field-RCE of one field; out of band only above, because a lower error is no drift.</summary>
    FieldRce,
}
