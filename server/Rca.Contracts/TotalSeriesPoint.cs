namespace Rca.Contracts;

/// <summary>
/// The KPI total of one window, as its check stored it.
/// </summary>
/// <param name="WindowStart">The window start (UTC).</param>
/// <param name="Actual">The actual total; null when the window was not checked or the check failed early.</param>
/// <param name="Forecast">The forecast total; null when the window was not checked or the check failed early.</param>
/// <param name="Status">The check status (<c>ok</c>, <c>anomalous</c>, <c>no_data</c>, <c>failed</c>), or null when the window was not checked.</param>
public sealed record TotalSeriesPoint(DateTimeOffset WindowStart, double? Actual, double? Forecast, string? Status);
