namespace Rca.Detectors.Anomalies;

/// <summary>Which changes of the total count as anomalies.</summary>
public enum AnomalyDirection
{
    /// <summary>Drops and rises.</summary>
    Both,

    /// <summary>Only drops: the actual value below the forecast.</summary>
    Down,

    /// <summary>Only rises: the actual value above the forecast.</summary>
    Up,
}
