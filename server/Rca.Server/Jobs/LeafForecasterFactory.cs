using Rca.Detectors.Forecasting;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Creates the leaf forecaster that a KPI's forecast options name, and tells which history windows it reads.
/// </summary>
internal static class LeafForecasterFactory
{
    /// <summary>Returns the forecaster for <see cref="ForecastOptions.Method"/>.</summary>
    /// <exception cref="ArgumentException">The method is unknown; validated definitions never reach this.</exception>
    public static ILeafForecaster Create(ForecastOptions options) => options.Method switch
    {
        // NOTE: interim forecasters until the Rca.Detectors.Forecasting implementations are merged;
        // replace these three lines with those types.
        "mean" => new MeanForecaster(),
        "seasonal-median" => new MedianForecaster(),
        "ewma" => new EwmaForecaster(options.Alpha),
        _ => throw new ArgumentException($"Unknown forecast method '{options.Method}'.", nameof(options)),
    };

    /// <summary>
    /// Whether the history windows are the ones right before the checked window (mean, ewma), as
    /// opposed to the same window one season back each (seasonal-median).
    /// </summary>
    public static bool ReadsContiguousHistory(ForecastOptions options) => options.Method != "seasonal-median";

    private sealed class MeanForecaster : ILeafForecaster
    {
        public double Forecast(ReadOnlySpan<double> history)
        {
            if (history.IsEmpty)
            {
                return 0;
            }

            double sum = 0;
            foreach (var value in history)
            {
                sum += value;
            }

            return sum / history.Length;
        }
    }

    private sealed class MedianForecaster : ILeafForecaster
    {
        public double Forecast(ReadOnlySpan<double> history)
        {
            if (history.IsEmpty)
            {
                return 0;
            }

            var sorted = history.ToArray();
            Array.Sort(sorted);
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    private sealed class EwmaForecaster(double alpha) : ILeafForecaster
    {
        public double Forecast(ReadOnlySpan<double> history)
        {
            if (history.IsEmpty)
            {
                return 0;
            }

            var smoothed = history[0];
            for (var i = 1; i < history.Length; i++)
            {
                smoothed = (alpha * history[i]) + ((1 - alpha) * smoothed);
            }

            return smoothed;
        }
    }
}
