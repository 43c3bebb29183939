namespace Rca.Detectors.Forecasting;

/// <summary>
/// Forecasts a window with an exponentially weighted moving average (simple exponential
/// smoothing): s₀ = x₀, sₜ = α·xₜ + (1 − α)·sₜ₋₁, and the forecast is the last s.
/// </summary>
/// <remarks>
/// The whole history is smoothed, so the weight of a window k steps back is α(1 − α)^k.
/// Non-finite values are skipped, an empty history forecasts 0, and a negative result is clamped
/// to 0.
/// </remarks>
public sealed class EwmaForecaster : ILeafForecaster
{
    /// <summary>Creates a forecaster with smoothing factor <paramref name="alpha"/>.</summary>
    /// <param name="alpha">The weight of the newest window, in (0, 1]; 1 forecasts the last value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not in (0, 1].</exception>
    public EwmaForecaster(double alpha)
    {
        if (!(alpha > 0.0 && alpha <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The smoothing factor must be in (0, 1].");
        }

        Alpha = alpha;
    }

    /// <summary>The smoothing factor α.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public double Forecast(ReadOnlySpan<double> history)
    {
        var smoothed = 0.0;
        var started = false;
        foreach (var value in history)
        {
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (started)
            {
                smoothed = Alpha * value + (1.0 - Alpha) * smoothed;
            }
            else
            {
                smoothed = value;
                started = true;
            }
        }

        return ForecastValue.Clamp(smoothed);
    }
}
