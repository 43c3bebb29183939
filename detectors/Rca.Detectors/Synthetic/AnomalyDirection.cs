namespace Rca.Detectors.Synthetic;

/// <summary>
/// Which way an injected anomaly moves the actual values away from the forecasts.
/// </summary>
public enum AnomalyDirection
{
    /// <summary>Actual = forecast · (1 − severity).</summary>
    Down,

    /// <summary>Actual = forecast · (1 + severity).</summary>
    Up,

    /// <summary>Down or up with equal probability, drawn per anomaly.</summary>
    Random,
}
