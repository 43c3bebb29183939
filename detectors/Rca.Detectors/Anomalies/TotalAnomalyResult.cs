namespace Rca.Detectors.Anomalies;

/// <summary>
/// The anomaly test of one window of a KPI total.
/// </summary>
/// <param name="Actual">The actual total of the window.</param>
/// <param name="Forecast">The forecast total of the window.</param>
/// <param name="Residual">actual − forecast.</param>
/// <param name="BaselineMedian">The median of the baseline residuals; 0 for an empty baseline.</param>
/// <param name="Scale">The residual scale: max(1.4826·MAD, floor), see <see cref="TotalAnomalyOptions.ScaleFloorFraction"/>.</param>
/// <param name="ZScore">(residual − baseline median) / scale.</param>
/// <param name="RelativeChange">|residual| / max(|forecast|, 1e-9).</param>
/// <param name="Direction">The sign of the residual.</param>
/// <param name="Severity">The severity level; <see cref="AnomalySeverity.None"/> when not anomalous.</param>
/// <param name="IsAnomalous">Whether the window passes all three tests: |z|, relative change and direction.</param>
public sealed record TotalAnomalyResult(
    double Actual,
    double Forecast,
    double Residual,
    double BaselineMedian,
    double Scale,
    double ZScore,
    double RelativeChange,
    ChangeDirection Direction,
    AnomalySeverity Severity,
    bool IsAnomalous);
