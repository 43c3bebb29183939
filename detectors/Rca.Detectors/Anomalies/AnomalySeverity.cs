namespace Rca.Detectors.Anomalies;

/// <summary>
/// How far an anomaly exceeds both limits of <see cref="TotalAnomalyOptions"/> (threshold T on
/// |z| and minimum relative change C).
/// </summary>
public enum AnomalySeverity
{
    /// <summary>The window is not anomalous.</summary>
    None,

    /// <summary>Anomalous, but below the <see cref="Medium"/> limits.</summary>
    Low,

    /// <summary>|z| ≥ 1.5·T and relative change ≥ 2·C (5.25 and 10 % with the defaults).</summary>
    Medium,

    /// <summary>|z| ≥ 2·T and relative change ≥ 4·C (7 and 20 % with the defaults).</summary>
    High,
}
