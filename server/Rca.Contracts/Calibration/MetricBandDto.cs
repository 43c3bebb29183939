namespace Rca.Contracts.Calibration;

/// <summary>
/// The range a watched calibration metric is expected to stay in.
/// </summary>
/// <param name="Lower">The smallest in-band value.</param>
/// <param name="Upper">The largest in-band value.</param>
/// <param name="Learned">True when learned from recent mature windows, false when configured.</param>
public sealed record MetricBandDto(double Lower, double Upper, bool Learned);
