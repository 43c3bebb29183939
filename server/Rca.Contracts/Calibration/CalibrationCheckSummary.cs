namespace Rca.Contracts.Calibration;

/// <summary>
/// A stored calibration check of one model and window, without its details.
/// </summary>
/// <param name="Id">The check id.</param>
/// <param name="Model">The configured model name.</param>
/// <param name="WindowStart">The window start.</param>
/// <param name="WindowEnd">The window end (exclusive).</param>
/// <param name="Verdict"><c>ok</c>, <c>drifting</c>, <c>drifted</c>, <c>immature</c> or <c>insufficient_history</c>.</param>
/// <param name="Mature">Whether the window's labels were complete; only mature checks are final, immature ones are rewritten.</param>
/// <param name="Impressions">The impressions in the window, <c>N</c>.</param>
/// <param name="Labels">The labels that had arrived, <c>Y</c>.</param>
/// <param name="PredictionSum">The predicted labels, <c>P</c>.</param>
/// <param name="CalibrationRatio">The calibration ratio <c>P / Y</c>; null without labels.</param>
/// <param name="BucketEce">The ECE over prediction buckets; null when the rows have no buckets.</param>
/// <param name="ConsecutiveOutOfBand">The consecutive judged windows up to this one with a metric out of band.</param>
/// <param name="Segments">The localized segments joined by <c>;</c>; empty unless drifted.</param>
/// <param name="CheckedAt">When the check was written.</param>
public sealed record CalibrationCheckSummary(
    long Id,
    string Model,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Verdict,
    bool Mature,
    double Impressions,
    double Labels,
    double PredictionSum,
    double? CalibrationRatio,
    double? BucketEce,
    int ConsecutiveOutOfBand,
    string Segments,
    DateTimeOffset CheckedAt);
