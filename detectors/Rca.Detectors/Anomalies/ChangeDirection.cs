namespace Rca.Detectors.Anomalies;

/// <summary>The sign of a window's residual (actual − forecast).</summary>
public enum ChangeDirection
{
    /// <summary>The actual value equals the forecast.</summary>
    None,

    /// <summary>The actual value is below the forecast.</summary>
    Down,

    /// <summary>The actual value is above the forecast.</summary>
    Up,
}
