namespace Rca.Detectors.Forecasting;

/// <summary>
/// Forecasts a window as the arithmetic mean of the last <c>k</c> windows of the history.
/// </summary>
/// <remarks>
/// A history shorter than <c>k</c> is averaged over the windows it has, and an empty history
/// forecasts 0. Non-finite values (NaN, ±∞) are skipped rather than averaged. A negative mean is
/// clamped to 0, so the forecast is always finite and non-negative.
/// </remarks>
public sealed class MeanForecaster : ILeafForecaster
{
    /// <summary>Creates a forecaster that averages the last <paramref name="windows"/> windows.</summary>
    /// <param name="windows">The number of most recent windows averaged; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windows"/> is less than 1.</exception>
    public MeanForecaster(int windows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        Windows = windows;
    }

    /// <summary>The number of most recent windows averaged.</summary>
    public int Windows { get; }

    /// <inheritdoc />
    public double Forecast(ReadOnlySpan<double> history)
    {
        var recent = history.Length > Windows ? history[^Windows..] : history;
        var sum = 0.0;
        var count = 0;
        foreach (var value in recent)
        {
            if (double.IsFinite(value))
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? 0.0 : ForecastValue.Clamp(sum / count);
    }
}
