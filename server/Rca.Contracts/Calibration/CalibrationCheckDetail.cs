namespace Rca.Contracts.Calibration;

/// <summary>
/// One calibration check with its metrics, bands, reliability diagram and segments.
/// </summary>
/// <param name="Summary">The check's summary.</param>
/// <param name="LabelCompletion">The expected share of labels that had arrived: 1 when mature; null when unknown.</param>
/// <param name="HistoryWindowCount">The in-band mature windows the learned bands came from.</param>
/// <param name="RatioBand">The calibration-ratio band; null when none was configured or could be learned.</param>
/// <param name="RatioOutOfBand">Whether the calibration ratio left its band.</param>
/// <param name="Fields">Field-ECE, Field-RCE and the Field-RCE band of each field.</param>
/// <param name="Reliability">The reliability-diagram points; empty when the rows have no buckets.</param>
/// <param name="Segments">The miscalibrated segments of a drifted check, by descending |z|.</param>
public sealed record CalibrationCheckDetail(
    CalibrationCheckSummary Summary,
    double? LabelCompletion,
    int HistoryWindowCount,
    MetricBandDto? RatioBand,
    bool RatioOutOfBand,
    IReadOnlyList<CalibrationFieldMetrics> Fields,
    IReadOnlyList<ReliabilityPointDto> Reliability,
    IReadOnlyList<CalibrationSegmentDto> Segments);
