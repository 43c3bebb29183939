using System.Buffers;

namespace Rca.Detectors.Forecasting;

/// <summary>
/// Forecasts a window as the median of the same window in the last <c>n</c> seasons (for
/// example the same minute on each of the last 7 days).
/// </summary>
/// <remarks>
/// The history passed to <see cref="Forecast"/> contains one value per season, oldest first: the
/// caller picks the same window out of each season (<see cref="SeriesForecaster"/> does this with
/// its season length). The median of an even count is the mean of the two middle values.
/// Non-finite values are skipped, an empty history forecasts 0, and a negative median is
/// clamped to 0.
/// </remarks>
public sealed class SeasonalMedianForecaster : ILeafForecaster
{
    private const int StackLimit = 128;

    /// <summary>Creates a forecaster over the last <paramref name="seasons"/> seasons.</summary>
    /// <param name="seasons">The number of most recent seasons whose values form the median; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasons"/> is less than 1.</exception>
    public SeasonalMedianForecaster(int seasons)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasons, 1);
        Seasons = seasons;
    }

    /// <summary>The number of most recent seasons used.</summary>
    public int Seasons { get; }

    /// <inheritdoc />
    public double Forecast(ReadOnlySpan<double> history)
    {
        var recent = history.Length > Seasons ? history[^Seasons..] : history;
        double[]? rented = null;
        var buffer = recent.Length <= StackLimit
            ? stackalloc double[recent.Length]
            : (rented = ArrayPool<double>.Shared.Rent(recent.Length));
        try
        {
            var count = 0;
            foreach (var value in recent)
            {
                if (double.IsFinite(value))
                {
                    buffer[count++] = value;
                }
            }

            if (count == 0)
            {
                return 0.0;
            }

            var values = buffer[..count];
            values.Sort();
            var middle = count / 2;
            var median = count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
            return ForecastValue.Clamp(median);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
