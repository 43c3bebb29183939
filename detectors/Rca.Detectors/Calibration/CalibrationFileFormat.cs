namespace Rca.Detectors.Calibration;

/// <summary>
/// The CSV layout of a calibration file (see <see cref="CalibrationCsvReader"/>).
/// </summary>
public enum CalibrationFileFormat
{
    /// <summary>Aggregate rows: <c>window_start</c>, <c>model</c>, <c>impressions</c>, <c>labels</c>, <c>pred_sum</c>, optional <c>bucket</c> and <c>pred_sq_sum</c>, and field columns.</summary>
    Aggregate,

    /// <summary>One impression per row: <c>prediction</c>, <c>label</c> and field columns.</summary>
    Raw,
}
