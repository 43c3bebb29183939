namespace Rca.Detectors.Forecasting;

/// <summary>
/// Forecasts one window for every leaf of a KPI in one pass, from per-leaf histories indexed
/// [leaf][window].
/// </summary>
/// <remarks>
/// With a season length of 1 the leaf forecaster receives the windows just before the forecast
/// window. With a season length L > 1 it receives windows t − kL for k = K..1 (oldest first), where
/// K is the number of whole seasons available before window t, which is what
/// <see cref="SeasonalMedianForecaster"/> expects.
/// </remarks>
public sealed class SeriesForecaster
{
    private readonly ILeafForecaster _forecaster;

    /// <summary>Creates a series forecaster around a leaf forecaster.</summary>
    /// <param name="forecaster">The forecaster applied to each leaf.</param>
    /// <param name="seasonLength">The number of windows in one season; 1 uses consecutive windows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is less than 1.</exception>
    public SeriesForecaster(ILeafForecaster forecaster, int seasonLength = 1)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 1);
        _forecaster = forecaster;
        SeasonLength = seasonLength;
    }

    /// <summary>The number of windows in one season.</summary>
    public int SeasonLength { get; }

    /// <summary>
    /// Forecasts window <paramref name="window"/> of every leaf from the windows before it.
    /// </summary>
    /// <param name="histories">The values indexed [leaf][window]; each leaf needs at least <paramref name="window"/> windows, and later windows are ignored.</param>
    /// <param name="window">The index of the window to forecast; 0 forecasts from an empty history.</param>
    /// <returns>One finite, non-negative forecast per leaf.</returns>
    /// <exception cref="ArgumentException">A leaf history is shorter than <paramref name="window"/> windows.</exception>
    public double[] Forecast(double[][] histories, int window)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var forecasts = new double[histories.Length];
        Forecast(histories, window, forecasts);
        return forecasts;
    }

    /// <summary>
    /// Forecasts window <paramref name="window"/> of every leaf into <paramref name="destination"/>.
    /// </summary>
    /// <param name="histories">The values indexed [leaf][window]; each leaf needs at least <paramref name="window"/> windows, and later windows are ignored.</param>
    /// <param name="window">The index of the window to forecast.</param>
    /// <param name="destination">Receives one forecast per leaf; its length must equal the leaf count.</param>
    /// <exception cref="ArgumentException">The destination length differs from the leaf count, or a leaf history is too short.</exception>
    public void Forecast(double[][] histories, int window, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        if (destination.Length != histories.Length)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} elements but there are {histories.Length} leaves.",
                nameof(destination));
        }

        var seasons = window / SeasonLength;
        var gathered = SeasonLength == 1 ? [] : new double[seasons];
        for (var leaf = 0; leaf < histories.Length; leaf++)
        {
            var history = histories[leaf];
            if (history.Length < window)
            {
                throw new ArgumentException(
                    $"Leaf {leaf} has {history.Length} windows; forecasting window {window} needs at least {window}.",
                    nameof(histories));
            }

            if (SeasonLength == 1)
            {
                destination[leaf] = _forecaster.Forecast(history.AsSpan(0, window));
                continue;
            }

            for (var k = 0; k < seasons; k++)
            {
                gathered[k] = history[window - (seasons - k) * SeasonLength];
            }

            destination[leaf] = _forecaster.Forecast(gathered);
        }
    }
}
