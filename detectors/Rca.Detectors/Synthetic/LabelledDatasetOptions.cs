namespace Rca.Detectors.Synthetic;

/// <summary>
/// Settings of <see cref="LabelledDatasetGenerator"/>. The defaults give B0-like cases:
/// 48,000 leaves over five attributes, many leaves at zero, a heavy-tailed spread of the
/// others, and one to three anomalies per case in layers one to three.
/// </summary>
public sealed record LabelledDatasetOptions
{
    /// <summary>The number of values of each attribute; attributes are named a, b, c, … and values a1, a2, ….</summary>
    public IReadOnlyList<int> Dimensions { get; init; } = [10, 12, 10, 8, 5];

    /// <summary>The number of cases <see cref="LabelledDatasetGenerator.Write"/> writes.</summary>
    public int Cases { get; init; } = 10;

    /// <summary>The seed of the random generator; the same seed gives byte-identical files.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The Weibull shape of the normal actual values. A shape below 1 gives the heavy tail of
    /// page-view counts: with 0.4 and scale 10 the median is about 4 and the mean about 33.
    /// </summary>
    public double WeibullShape { get; init; } = 0.4;

    /// <summary>The Weibull scale of the normal actual values.</summary>
    public double WeibullScale { get; init; } = 10;

    /// <summary>The fraction of leaves whose actual and forecast are 0 (about 0.4 of the leaves in the B0 data are 0).</summary>
    public double ZeroRate { get; init; } = 0.4;

    /// <summary>The standard deviation σ of the relative forecast error: forecast = actual · (1 + N(0, σ)), clipped at 0.</summary>
    public double ForecastNoise { get; init; } = 0.05;

    /// <summary>
    /// Whether cases are of a derived measure (a ratio such as a success rate). The Weibull
    /// values are then the denominators, and each leaf's forecast ratio is drawn uniformly from
    /// [0.2, 0.8]. The forecast numerator carries the forecast noise, and the actual numerator
    /// is the actual denominator times the ratio. Written cases are <c>.a.csv</c> and
    /// <c>.b.csv</c> pairs.
    /// </summary>
    public bool Derived { get; init; }

    /// <summary>The smallest number of anomalies per case.</summary>
    public int MinAnomalies { get; init; } = 1;

    /// <summary>The largest number of anomalies per case.</summary>
    public int MaxAnomalies { get; init; } = 3;

    /// <summary>The largest layer (number of fixed attributes) of an anomalous combination.</summary>
    public int MaxLayer { get; init; } = 3;

    /// <summary>The smallest severity, the relative change of the anomalous leaves.</summary>
    public double MinSeverity { get; init; } = 0.2;

    /// <summary>The largest severity.</summary>
    public double MaxSeverity { get; init; } = 0.9;

    /// <summary>The direction of the anomalies.</summary>
    public AnomalyDirection Direction { get; init; } = AnomalyDirection.Down;

    /// <summary>The timestamp of the first written case, in Unix seconds.</summary>
    public long StartTimestamp { get; init; } = 1450653900;

    /// <summary>The seconds between consecutive case timestamps.</summary>
    public int TimestampStep { get; init; } = 300;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Dimensions.Count is < 1 or > 26)
        {
            throw new ArgumentException($"{nameof(Dimensions)} must list 1 to 26 attributes, got {Dimensions.Count}.");
        }

        var leaves = 1L;
        foreach (var size in Dimensions)
        {
            if (size < 1)
            {
                throw new ArgumentException($"Every attribute needs at least one value, got {size} in {nameof(Dimensions)}.");
            }

            leaves *= size;
            if (leaves > Array.MaxLength)
            {
                throw new ArgumentException($"{nameof(Dimensions)} give more than {Array.MaxLength} leaves.");
            }
        }

        Check(Cases >= 0, nameof(Cases), "must not be negative");
        Check(WeibullShape > 0 && WeibullScale > 0, nameof(WeibullShape), "and the scale must be positive");
        Check(ZeroRate is >= 0 and < 1, nameof(ZeroRate), "must be in [0, 1)");
        Check(ForecastNoise >= 0, nameof(ForecastNoise), "must not be negative");
        Check(MinAnomalies >= 0 && MaxAnomalies >= MinAnomalies, nameof(MinAnomalies), $"must be 0 or more and at most {nameof(MaxAnomalies)}");
        Check(MaxLayer >= 1, nameof(MaxLayer), "must be at least 1");
        Check(MinSeverity > 0 && MaxSeverity >= MinSeverity, nameof(MinSeverity), $"must be positive and at most {nameof(MaxSeverity)}");
        Check(Direction == AnomalyDirection.Up || MaxSeverity <= 1, nameof(MaxSeverity), "must be at most 1 when anomalies can go down");
        Check(TimestampStep > 0, nameof(TimestampStep), "must be positive");
    }

    private static void Check(bool valid, string name, string rule)
    {
        if (!valid)
        {
            throw new ArgumentException($"{name} {rule}.");
        }
    }
}
