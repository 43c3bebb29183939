using Rca.Detectors.Localization;

namespace Rca.Detectors.Calibration;

/// <summary>
/// Options of <see cref="CalibrationDriftDetector"/>.
/// </summary>
public sealed record CalibrationDriftOptions
{
    /// <summary>
    /// The time after a window's end by which its labels have arrived: a window ending at
    /// <c>t</c> is mature, and judged on its raw counts, once <c>now ≥ t + LabelDelay</c>.
    /// Minutes for clicks, a day or more for conversions.
    /// </summary>
    public required TimeSpan LabelDelay { get; init; }

    /// <summary>
    /// The share of labels that has arrived by age. When set, a younger window is judged on its
    /// predictions scaled by its expected completion; when null, younger windows are
    /// <see cref="CalibrationState.Immature"/>.
    /// </summary>
    public LabelCompletionCurve? LabelCompletion { get; init; }

    /// <summary>A young window whose expected completion is below this stays immature even with a curve. The default is 0.5.</summary>
    public double MinLabelCompletion { get; init; } = 0.5;

    /// <summary>The number of consecutive out-of-band judged windows that make a drift. The default is 2.</summary>
    public int ConsecutiveWindows { get; init; } = 2;

    /// <summary>The number of most recent in-band mature windows a band is learned from. The default is 14.</summary>
    public int HistoryWindows { get; init; } = 14;

    /// <summary>The fewest in-band mature windows a band is learned from; with fewer, windows are <see cref="CalibrationState.InsufficientHistory"/>. The default is 14.</summary>
    public int MinHistoryWindows { get; init; } = 14;

    /// <summary>The <c>k</c> of a learned band <c>median ± k·1.4826·MAD</c>. The default is 4.</summary>
    public double BandWidth { get; init; } = 4;

    /// <summary>
    /// The floor of the MAD of a learned band, as a share of |median|. It keeps a nearly flat
    /// history from giving a band so narrow that any change is drift: with the default 0.002 and
    /// <c>k = 4</c>, a learned band is at least ±1.2 % of its median wide.
    /// </summary>
    public double MinMadFraction { get; init; } = 0.002;

    /// <summary>A configured band for the overall calibration ratio, used instead of a learned one.</summary>
    public MetricBand? CalibrationRatioBand { get; init; }

    /// <summary>Configured Field-RCE bands by field name, used instead of learned ones for those fields.</summary>
    public IReadOnlyDictionary<string, MetricBand>? FieldRceBands { get; init; }

    /// <summary>The ε of Field-RCE, in labels. The default is 1.</summary>
    public double FieldRceEpsilon { get; init; } = CalibrationMetrics.DefaultEpsilon;

    /// <summary>The z-test that localized segments must pass.</summary>
    public SegmentTestOptions SegmentTest { get; init; } = new();

    /// <summary>
    /// The localizer options. The default lowers PSqueeze's normal-deviation threshold from 0.2
    /// to 0.05, because PSqueeze's deviation score <c>(f − v)/(f + v)</c> is only 0.07 for a segment
    /// that over-predicts by 15 %.
    /// </summary>
    public PSqueezeOptions Localizer { get; init; } = new() { NormalDeviationThreshold = 0.05 };

    /// <summary>
    /// Leaves with fewer predicted labels than this are left out of localization, because their
    /// deviation scores are mostly sampling noise. They still count in the segments' z-tests.
    /// The default is 20.
    /// </summary>
    public double MinLeafPredictionSum { get; init; } = MiscalibratedSegmentLocalizer.DefaultMinLeafPredictionSum;

    /// <summary>Returns a message naming the first invalid option, or null when all are valid.</summary>
    public string? Validate()
    {
        if (LabelDelay < TimeSpan.Zero)
        {
            return $"{nameof(LabelDelay)} must not be negative, got {LabelDelay}.";
        }

        if (!(MinLabelCompletion is > 0 and <= 1))
        {
            return $"{nameof(MinLabelCompletion)} must be in (0, 1], got {MinLabelCompletion}.";
        }

        if (ConsecutiveWindows < 1)
        {
            return $"{nameof(ConsecutiveWindows)} must be at least 1, got {ConsecutiveWindows}.";
        }

        if (MinHistoryWindows < 1 || HistoryWindows < MinHistoryWindows)
        {
            return $"{nameof(MinHistoryWindows)} must be at least 1 and at most {nameof(HistoryWindows)}, got {MinHistoryWindows} and {HistoryWindows}.";
        }

        if (!(BandWidth > 0 && double.IsFinite(BandWidth)))
        {
            return $"{nameof(BandWidth)} must be a positive number, got {BandWidth}.";
        }

        if (!(MinMadFraction >= 0 && double.IsFinite(MinMadFraction)))
        {
            return $"{nameof(MinMadFraction)} must be a finite number of 0 or more, got {MinMadFraction}.";
        }

        if (!(FieldRceEpsilon > 0 && double.IsFinite(FieldRceEpsilon)))
        {
            return $"{nameof(FieldRceEpsilon)} must be a positive number of labels, got {FieldRceEpsilon}.";
        }

        if (!(MinLeafPredictionSum >= 0 && double.IsFinite(MinLeafPredictionSum)))
        {
            return $"{nameof(MinLeafPredictionSum)} must be a finite number of 0 or more, got {MinLeafPredictionSum}.";
        }

        return SegmentTest.Validate() ?? Localizer.Validate();
    }
}
