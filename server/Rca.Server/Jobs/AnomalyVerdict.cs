namespace Rca.Server.Jobs;

/// <summary>
/// The outcome of the anomaly test on a KPI total.
/// </summary>
/// <param name="IsAnomalous">Whether the window is anomalous.</param>
/// <param name="RelativeChange">(actual − forecast) / forecast; infinite when the forecast is 0.</param>
/// <param name="Score">The robust z-score of the residual against the baseline; NaN without a baseline.</param>
internal sealed record AnomalyVerdict(bool IsAnomalous, double RelativeChange, double Score)
{
    /// <summary><c>up</c> when the actual is above the forecast, else <c>down</c>.</summary>
    public string Direction => RelativeChange > 0 ? "up" : "down";
}
