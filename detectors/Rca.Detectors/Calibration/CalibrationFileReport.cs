namespace Rca.Detectors.Calibration;

/// <summary>
/// The calibration of an uploaded or local file: metrics over every row, and the miscalibrated
/// segments when the file looks drifted.
/// </summary>
/// <param name="Format">The layout the file was read as.</param>
/// <param name="Model">The model named in an aggregate file; null for raw predictions.</param>
/// <param name="WindowCount">The number of distinct window starts in an aggregate file, pooled into one set of metrics; 1 for raw predictions.</param>
/// <param name="RowCount">The number of data rows read.</param>
/// <param name="FieldNames">The fields checked.</param>
/// <param name="Metrics">The calibration metrics over every row.</param>
/// <param name="LogLoss">The log-loss of raw predictions; null for aggregates.</param>
/// <param name="BrierScore">The Brier score of raw predictions; null for aggregates.</param>
/// <param name="Auc">The AUC of raw predictions; null for aggregates or when a class is absent.</param>
/// <param name="OverallTest">The z-test of the totals.</param>
/// <param name="FlaggedFieldValueCount">The number of single field values whose z-test flags them.</param>
/// <param name="Segments">
/// The localized segments when the file looks drifted (the totals or a field value fail the
/// z-test); null otherwise.
/// </param>
public sealed record CalibrationFileReport(
    CalibrationFileFormat Format,
    string? Model,
    int WindowCount,
    int RowCount,
    IReadOnlyList<string> FieldNames,
    WindowCalibration Metrics,
    double? LogLoss,
    double? BrierScore,
    double? Auc,
    SegmentTestResult OverallTest,
    int FlaggedFieldValueCount,
    SegmentLocalization? Segments)
{
    /// <summary>Whether the totals or any single field value fail the z-test, which is when the segments are localized.</summary>
    public bool DriftLike => Segments is not null;
}
