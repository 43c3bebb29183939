namespace Rca.Contracts.Calibration;

/// <summary>
/// The watched metrics of one calibration check, as one point of a model's trend.
/// </summary>
/// <param name="CheckId">The check id.</param>
/// <param name="WindowStart">The window start.</param>
/// <param name="Verdict">The check's verdict.</param>
/// <param name="Mature">Whether the window's labels were complete.</param>
/// <param name="CalibrationRatio">The calibration ratio <c>P / Y</c>; null without labels.</param>
/// <param name="RatioBand">The calibration-ratio band; null when none was configured or learned.</param>
/// <param name="Fields">Field-ECE, Field-RCE and the Field-RCE band of each field.</param>
public sealed record CalibrationTrendPoint(
    long CheckId,
    DateTimeOffset WindowStart,
    string Verdict,
    bool Mature,
    double? CalibrationRatio,
    MetricBandDto? RatioBand,
    IReadOnlyList<CalibrationFieldMetrics> Fields);
