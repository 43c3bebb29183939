using Rca.Detectors.Calibration;

namespace Rca.Detectors.Synthetic.Calibration;

/// <summary>
/// Options of <see cref="CalibrationStreamGenerator"/>: the traffic of a ranking model over
/// fields, window by window.
/// </summary>
public sealed record CalibrationStreamOptions
{
    /// <summary>The model name written to every window.</summary>
    public string Model { get; init; } = "ctr_model_v1";

    /// <summary>The fields; every combination of their values is a leaf. The default is site (10), ad_category (8), device (3) and region (5).</summary>
    public IReadOnlyList<CalibrationField> Fields { get; init; } =
    [
        new("site", 10),
        new("ad_category", 8),
        new("device", 3),
        new("region", 5),
    ];

    /// <summary>The number of windows.</summary>
    public int WindowCount { get; init; } = 30;

    /// <summary>The start of the first window.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The window length. The default is one hour.</summary>
    public TimeSpan WindowLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The mean number of impressions per window over all leaves.</summary>
    public double MeanImpressionsPerWindow { get; init; } = 2_000_000;

    /// <summary>The relative standard deviation of a window's total impressions around the mean.</summary>
    public double TrafficVariation { get; init; } = 0.1;

    /// <summary>
    /// The σ of the log-normal traffic weight of each field value. Leaf traffic is the product of
    /// its values' weights and a leaf weight, which gives heavy-tailed leaf sizes.
    /// </summary>
    public double ValueWeightSigma { get; init; } = 1.0;

    /// <summary>The σ of the log-normal traffic weight of each leaf.</summary>
    public double LeafWeightSigma { get; init; } = 0.5;

    /// <summary>The smallest base click-through rate, drawn once per stream.</summary>
    public double BaseCtrMin { get; init; } = 0.02;

    /// <summary>The largest base click-through rate, drawn once per stream.</summary>
    public double BaseCtrMax { get; init; } = 0.05;

    /// <summary>The σ of the log-normal click-through-rate multiplier of each field value.</summary>
    public double CtrMultiplierSigma { get; init; } = 0.2;

    /// <summary>
    /// The relative standard deviation of a calibrated model's prediction around the true rate,
    /// drawn per leaf and window.
    /// </summary>
    public double PredictionNoise { get; init; } = 0.02;

    /// <summary>
    /// The share of labels that has arrived by the age of an impression; null when every label
    /// arrives at once.
    /// </summary>
    public LabelCompletionCurve? LabelDelay { get; init; }

    /// <summary>
    /// The time at which labels are counted; null counts every label. Labels of impressions
    /// younger than their delay at this time are missing from the stream.
    /// </summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">The first invalid option, named.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException($"{nameof(Model)} must not be empty.");
        }

        if (Fields is null || Fields.Count == 0 || Fields.Any(field => field is null || string.IsNullOrWhiteSpace(field.Name) || field.ValueCount < 1))
        {
            throw new ArgumentException($"{nameof(Fields)} must name at least one field, each with a name and at least one value.");
        }

        if (Fields.Select(field => field.Name).Distinct(StringComparer.Ordinal).Count() != Fields.Count)
        {
            throw new ArgumentException($"{nameof(Fields)} must not repeat a field name.");
        }

        if (WindowCount < 1 || WindowLength <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(WindowCount)} must be at least 1 and {nameof(WindowLength)} positive, got {WindowCount} and {WindowLength}.");
        }

        if (!(MeanImpressionsPerWindow >= 1 && double.IsFinite(MeanImpressionsPerWindow)))
        {
            throw new ArgumentException($"{nameof(MeanImpressionsPerWindow)} must be at least 1, got {MeanImpressionsPerWindow}.");
        }

        if (!(TrafficVariation is >= 0 and < 1) || !(ValueWeightSigma >= 0) || !(LeafWeightSigma >= 0)
            || !(CtrMultiplierSigma >= 0) || !(PredictionNoise is >= 0 and < 1))
        {
            throw new ArgumentException(
                $"{nameof(TrafficVariation)} and {nameof(PredictionNoise)} must be in [0, 1) and the σ options 0 or more.");
        }

        if (!(BaseCtrMin > 0 && BaseCtrMin <= BaseCtrMax && BaseCtrMax < 1))
        {
            throw new ArgumentException($"Expected 0 < {nameof(BaseCtrMin)} ≤ {nameof(BaseCtrMax)} < 1, got {BaseCtrMin} and {BaseCtrMax}.");
        }
    }
}
