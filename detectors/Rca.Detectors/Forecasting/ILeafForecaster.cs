namespace Rca.Detectors.Forecasting;

/// <summary>
/// Forecasts the value of one window from the same leaf's history.
/// </summary>
public interface ILeafForecaster
{
    /// <summary>
    /// Returns the forecast of the window that follows <paramref name="history"/>, whose values are
    /// per window, oldest first and evenly spaced. Missing windows are 0.
    /// </summary>
    double Forecast(ReadOnlySpan<double> history);
}
