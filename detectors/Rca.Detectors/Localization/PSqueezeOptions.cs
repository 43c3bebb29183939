namespace Rca.Detectors.Localization;

/// <summary>
/// Options of <see cref="PSqueezeLocalizer"/>. The defaults are the published PSqueeze settings
/// except where a member's documentation states otherwise.
/// </summary>
public sealed record PSqueezeOptions
{
    /// <summary>
    /// Whether each leaf contributes three Poisson-weighted deviation scores (PSqueeze) or one
    /// score of weight 1 with no cluster expansion (the original Squeeze, kept for comparison).
    /// </summary>
    public bool Probabilistic { get; init; } = true;

    /// <summary>How a derived (ratio) measure is localized.</summary>
    public DerivedMeasureMode DerivedMeasure { get; init; } = DerivedMeasureMode.ExpectedNumerator;

    /// <summary>
    /// Whether a proportion whose forecast total is above one half is localized on its
    /// complement (failures rather than successes), where the same change is relatively larger.
    /// Used with <see cref="DerivedMeasureMode.ExpectedNumerator"/>.
    /// </summary>
    public bool UseRarerOutcome { get; init; } = true;

    /// <summary>Clusters whose weighted mean |deviation score| is below this are normal and not searched.</summary>
    public double NormalDeviationThreshold { get; init; } = 0.2;

    /// <summary>The largest number of elements in one candidate root-cause set.</summary>
    public int MaxElementsPerCandidate { get; init; } = 12;

    /// <summary>The search stops descending to the next layer once a candidate's GPS exceeds this.</summary>
    public double EarlyStopGps { get; init; } = 0.9;

    /// <summary>
    /// A root-cause set with at least this GPS is reported whatever its size. The default, with
    /// <see cref="MinRelativeImpact"/>, was chosen on the bundled B0 and RS data: it drops the
    /// sets of small noise clusters that the published PSqueeze reports.
    /// </summary>
    public double ReportedGps { get; init; } = 0.8;

    /// <summary>
    /// A root-cause set below <see cref="ReportedGps"/> is still reported when its cluster's
    /// impact, Σ|f − v|, is at least this share of the largest cluster's impact.
    /// </summary>
    public double MinRelativeImpact { get; init; } = 0.2;

    /// <summary>The number of points at which the anomaly-amount density is evaluated.</summary>
    public int KdeGridPoints { get; init; } = 1000;

    /// <summary>
    /// Above this many valid leaves the anomaly-amount density is evaluated on a binned
    /// approximation instead of summing one kernel per leaf.
    /// </summary>
    public int ExactKdeMaxLeaves { get; init; } = 100_000;

    /// <summary>The number of bins of the binned density approximation.</summary>
    public int KdeBins { get; init; } = 8192;

    /// <summary>The number of threads the cuboid search may use; 0 uses every processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Returns a message naming the first invalid option, or null when all are valid.</summary>
    public string? Validate()
    {
        if (!(NormalDeviationThreshold is >= 0 and < 1))
        {
            return $"{nameof(NormalDeviationThreshold)} must be in [0, 1), got {NormalDeviationThreshold}.";
        }

        if (MaxElementsPerCandidate < 1)
        {
            return $"{nameof(MaxElementsPerCandidate)} must be at least 1, got {MaxElementsPerCandidate}.";
        }

        if (!(EarlyStopGps is > 0 and <= 1))
        {
            return $"{nameof(EarlyStopGps)} must be in (0, 1], got {EarlyStopGps}.";
        }

        if (!(ReportedGps is >= 0 and <= 1))
        {
            return $"{nameof(ReportedGps)} must be in [0, 1], got {ReportedGps}.";
        }

        if (!(MinRelativeImpact is >= 0 and <= 1))
        {
            return $"{nameof(MinRelativeImpact)} must be in [0, 1], got {MinRelativeImpact}.";
        }

        if (KdeGridPoints < 3)
        {
            return $"{nameof(KdeGridPoints)} must be at least 3, got {KdeGridPoints}.";
        }

        if (KdeBins < 16)
        {
            return $"{nameof(KdeBins)} must be at least 16, got {KdeBins}.";
        }

        if (MaxDegreeOfParallelism < 0)
        {
            return $"{nameof(MaxDegreeOfParallelism)} must be 0 (every processor) or more, got {MaxDegreeOfParallelism}.";
        }

        return null;
    }
}
