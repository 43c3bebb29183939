namespace Rca.Detectors.Localization;

/// <summary>
/// How the localizer treats a derived (ratio) measure.
/// </summary>
public enum DerivedMeasureMode
{
    /// <summary>
    /// Compare each leaf's actual numerator with the numerator its forecast ratio predicts for
    /// its actual denominator, and localize those counts like a fundamental measure. A leaf with
    /// little traffic then weighs little, as its ratio deserves.
    /// </summary>
    ExpectedNumerator,

    /// <summary>
    /// Compare the leaf ratios themselves, with no probabilistic spread (the published PSqueeze
    /// treatment of derived measures).
    /// </summary>
    Ratio,
}
