namespace Rca.Detectors.Calibration;

/// <summary>
/// The range a metric is expected to stay in, configured or learned from history.
/// </summary>
/// <param name="Lower">The smallest in-band value.</param>
/// <param name="Upper">The largest in-band value.</param>
/// <param name="Learned">Whether the band was learned from recent mature windows (true) or configured (false).</param>
public sealed record MetricBand(double Lower, double Upper, bool Learned = false)
{
    /// <summary>Returns whether a value lies inside <c>[Lower, Upper]</c>.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
