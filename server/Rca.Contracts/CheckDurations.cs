namespace Rca.Contracts;

/// <summary>
/// Time spent per step of one check, in milliseconds.
/// </summary>
/// <param name="Query">Reading the window and its history from the source.</param>
/// <param name="Forecast">Forecasting every leaf.</param>
/// <param name="Detect">Testing the total for an anomaly.</param>
/// <param name="Localize">Localizing the root causes (0 for a normal window).</param>
/// <param name="Store">Writing the results to the database.</param>
/// <param name="Total">The whole check.</param>
public sealed record CheckDurations(double Query, double Forecast, double Detect, double Localize, double Store, double Total);
