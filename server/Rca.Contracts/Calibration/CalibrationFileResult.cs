namespace Rca.Contracts.Calibration;

/// <summary>
/// The calibration of an uploaded CSV file, over every row.
/// </summary>
/// <param name="Format"><c>aggregate</c> or <c>raw</c>.</param>
/// <param name="Model">The model named in an aggregate file; null for raw predictions.</param>
/// <param name="WindowCount">The window starts of an aggregate file, pooled; 1 for raw predictions.</param>
/// <param name="RowCount">The data rows read.</param>
/// <param name="Impressions">The impressions, <c>N</c>.</param>
/// <param name="Labels">The labels, <c>Y</c>.</param>
/// <param name="PredictionSum">The predicted labels, <c>P</c>.</param>
/// <param name="CalibrationRatio">The calibration ratio <c>P / Y</c>; null without labels.</param>
/// <param name="OverallZ">The z-score of the totals; null when not finite.</param>
/// <param name="BucketEce">The ECE over prediction buckets; null without buckets.</param>
/// <param name="Fields">Field-ECE and Field-RCE of each checked field.</param>
/// <param name="Reliability">The reliability-diagram points; empty without buckets.</param>
/// <param name="LogLoss">The log-loss of raw predictions; null for aggregates.</param>
/// <param name="BrierScore">The Brier score of raw predictions; null for aggregates.</param>
/// <param name="Auc">The AUC of raw predictions; null for aggregates or when a class is absent.</param>
/// <param name="DriftLike">Whether the totals or a single field value fail the z-test, which is when segments are localized.</param>
/// <param name="Segments">The localized segments that fail the z-test, by descending |z|; empty unless drift-like.</param>
public sealed record CalibrationFileResult(
    string Format,
    string? Model,
    int WindowCount,
    int RowCount,
    double Impressions,
    double Labels,
    double PredictionSum,
    double? CalibrationRatio,
    double? OverallZ,
    double? BucketEce,
    IReadOnlyList<CalibrationFieldMetrics> Fields,
    IReadOnlyList<ReliabilityPointDto> Reliability,
    double? LogLoss,
    double? BrierScore,
    double? Auc,
    bool DriftLike,
    IReadOnlyList<CalibrationSegmentDto> Segments);
