namespace Rca.Server.Calibration;

/// <summary>
/// The stored calibration check of one model and window; (ModelName, WindowStart) is unique.
/// </summary>
/// <remarks>
/// A window younger than the model's label delay is stored with <see cref="Mature"/> false and
/// state <c>immature</c>, and every run rewrites it. The first run after it matures replaces it
/// with the final verdict, and from then on the row never changes.
/// </remarks>
internal sealed class CalibrationCheckRecord
{
    public long Id { get; set; }

    public required string ModelName { get; set; }

    /// <summary>The window start, UTC.</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>The window end (exclusive), UTC.</summary>
    public DateTime WindowEnd { get; set; }

    /// <summary>One of <see cref="CalibrationStates"/>.</summary>
    public required string State { get; set; }

    /// <summary>Whether the window was older than the label delay when checked; only mature rows are final.</summary>
    public bool Mature { get; set; }

    public double Impressions { get; set; }

    public double Labels { get; set; }

    public double PredictionSum { get; set; }

    public double? PredictionSquareSum { get; set; }

    /// <summary>The calibration ratio <c>P / Y</c>; null without labels.</summary>
    public double? CalibrationRatio { get; set; }

    /// <summary>The bucket ECE; null when the rows have no buckets.</summary>
    public double? BucketEce { get; set; }

    /// <summary>The expected share of labels that had arrived: 1 when mature, null when unknown.</summary>
    public double? LabelCompletion { get; set; }

    public double? RatioBandLower { get; set; }

    public double? RatioBandUpper { get; set; }

    public bool RatioBandLearned { get; set; }

    public bool RatioOutOfBand { get; set; }

    public int ConsecutiveOutOfBand { get; set; }

    public int HistoryWindowCount { get; set; }

    /// <summary>The reliability-diagram points as a JSON array of {bucket, impressions, meanPrediction, observedRate}.</summary>
    public required string ReliabilityJson { get; set; }

    /// <summary>The localized segments joined by <c>;</c>; empty when there are none.</summary>
    public required string SegmentSummary { get; set; }

    /// <summary>When the row was last written, UTC.</summary>
    public DateTime CheckedAt { get; set; }

    public List<CalibrationFieldRecord> Fields { get; set; } = [];

    public List<CalibrationSegmentRecord> Segments { get; set; } = [];
}
