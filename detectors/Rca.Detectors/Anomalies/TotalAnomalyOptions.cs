namespace Rca.Detectors.Anomalies;

/// <summary>Settings of <see cref="TotalAnomalyDetector"/>.</summary>
public sealed record TotalAnomalyOptions
{
    /// <summary>The robust z-score that |z| must exceed; 3.5 by default.</summary>
    public double Threshold { get; init; } = 3.5;

    /// <summary>The minimum relative change |actual − forecast| / forecast; 0.05 (5 %) by default.</summary>
    public double MinRelativeChange { get; init; } = 0.05;

    /// <summary>Which changes count; both by default.</summary>
    public AnomalyDirection Direction { get; init; } = AnomalyDirection.Both;

    /// <summary>The number of most recent baseline residuals used; older ones are ignored. 30 by default.</summary>
    public int BaselineWindows { get; init; } = 30;

    /// <summary>
    /// The lower bound of the residual scale as a fraction of |forecast|; 0.01 by default.
    /// </summary>
    /// <remarks>
    /// A flat or constant-offset history has MAD = 0, which would make any change an infinite
    /// z-score. With the floor, a flat history scores a change of p % of the forecast as
    /// z = p / (100·fraction), so 5 % scores 5 with the default.
    /// </remarks>
    public double ScaleFloorFraction { get; init; } = 0.01;

    /// <summary>
    /// Throws when a setting is out of range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is negative, non-finite or, for <see cref="BaselineWindows"/>, below 1.</exception>
    public void Validate()
    {
        if (!(double.IsFinite(Threshold) && Threshold >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "The threshold must be finite and non-negative.");
        }

        if (!(double.IsFinite(MinRelativeChange) && MinRelativeChange >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinRelativeChange), MinRelativeChange, "The minimum relative change must be finite and non-negative.");
        }

        if (!(double.IsFinite(ScaleFloorFraction) && ScaleFloorFraction >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(ScaleFloorFraction), ScaleFloorFraction, "The scale floor fraction must be finite and non-negative.");
        }

        if (BaselineWindows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BaselineWindows), BaselineWindows, "The baseline needs at least 1 window.");
        }

        if (!Enum.IsDefined(Direction))
        {
            throw new ArgumentOutOfRangeException(nameof(Direction), Direction, "Unknown direction.");
        }
    }
}
