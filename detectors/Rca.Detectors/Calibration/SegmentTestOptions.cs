namespace Rca.Detectors.Calibration;

/// <summary>
/// Thresholds of the per-segment z-test (<see cref="SegmentZTest"/>).
/// </summary>
public sealed record SegmentTestOptions
{
    /// <summary>A segment can be flagged only when <c>|z|</c> is above this. The default is 4.</summary>
    public double ZThreshold { get; init; } = 4;

    /// <summary>
    /// A segment can be flagged only when its relative error <c>|Y − P| / P</c> is above this;
    /// the default 0.1 keeps a 10 % minimum effect size, so huge segments with tiny, significant
    /// deviations are not flagged.
    /// </summary>
    public double MinRelativeError { get; init; } = 0.1;

    /// <summary>Returns a message naming the first invalid option, or null when all are valid.</summary>
    public string? Validate()
    {
        if (!(ZThreshold >= 0 && double.IsFinite(ZThreshold)))
        {
            return $"{nameof(ZThreshold)} must be a finite number of 0 or more, got {ZThreshold}.";
        }

        if (!(MinRelativeError >= 0 && double.IsFinite(MinRelativeError)))
        {
            return $"{nameof(MinRelativeError)} must be a finite number of 0 or more, got {MinRelativeError}.";
        }

        return null;
    }
}
