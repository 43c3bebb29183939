namespace Rca.Detectors.Calibration;

/// <summary>
/// One watched metric of a window against its band.
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Field">The field of a Field-RCE, or null for the calibration ratio.</param>
/// <param name="Value">The metric's value; null for a calibration ratio with no labels.</param>
/// <param name="Band">The band, or null when none is configured and too little history exists to learn one.</param>
/// <param name="OutOfBand">Whether the value left the band (see <see cref="CalibrationMetric"/> for which side counts).</param>
public sealed record BandCheck(CalibrationMetric Metric, string? Field, double? Value, MetricBand? Band, bool OutOfBand)
{
    /// <summary>Returns the metric's display name: <c>calibration_ratio</c> or <c>field_rce[field]</c>.</summary>
    public override string ToString() => Field is null ? "calibration_ratio" : $"field_rce[{Field}]";
}
