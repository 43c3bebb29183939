using Rca.Detectors.Forecasting;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Creates the leaf forecaster that a KPI's forecast options name, and decides which history windows it reads.
/// </summary>
internal static class LeafForecasterFactory
{
    /// <summary>Returns the forecaster for <see cref="ForecastOptions.Method"/>.</summary>
    /// <exception cref="ArgumentException">The method is unknown; validated definitions never reach this.</exception>
    public static ILeafForecaster Create(ForecastOptions options) => options.Method switch
    {
        "mean" => new MeanForecaster(options.History),
        "seasonal-median" => new SeasonalMedianForecaster(options.History),
        "ewma" => new EwmaForecaster(options.Alpha),
        _ => throw new ArgumentException($"Unknown forecast method '{options.Method}'.", nameof(options)),
    };

    /// <summary>
    /// Whether the history windows are the ones right before the checked window (mean, ewma), as
    /// opposed to the same window one season back each (seasonal-median).
    /// </summary>
    public static bool ReadsContiguousHistory(ForecastOptions options) => options.Method != "seasonal-median";
}
