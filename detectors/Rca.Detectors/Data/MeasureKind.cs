namespace Rca.Detectors.Data;

/// <summary>
/// How a measure rolls up from leaves to attribute combinations.
/// </summary>
public enum MeasureKind
{
    /// <summary>An additive measure (page views, errors): a combination's value is the sum of its leaves.</summary>
    Fundamental,

    /// <summary>
    /// A ratio of two fundamental measures (success rate, CTR): numerators and denominators are
    /// summed separately and then divided, never the leaf ratios themselves.
    /// </summary>
    Derived,
}
