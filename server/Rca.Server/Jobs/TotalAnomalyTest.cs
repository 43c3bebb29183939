using Rca.Detectors.Anomalies;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Tests a KPI total for an anomaly with <see cref="TotalAnomalyDetector"/>: the robust z-score of
/// the residual against the baseline residuals must exceed <see cref="DetectionOptions.Threshold"/>,
/// and the relative change must reach <see cref="DetectionOptions.MinRelativeChange"/> in the
/// configured direction.
/// </summary>
internal static class TotalAnomalyTest
{
    /// <summary>Returns the verdict for one window.</summary>
    public static AnomalyVerdict Test(DetectionOptions options, double actual, double forecast, ReadOnlySpan<double> baselineResiduals)
    {
        var detector = new TotalAnomalyDetector(new TotalAnomalyOptions
        {
            Threshold = options.Threshold,
            MinRelativeChange = options.MinRelativeChange,
            Direction = options.Direction switch
            {
                "up" => AnomalyDirection.Up,
                "down" => AnomalyDirection.Down,
                _ => AnomalyDirection.Both,
            },
            BaselineWindows = options.BaselineWindows,
        });
        var result = detector.Detect(actual, forecast, baselineResiduals);
        var signedChange = result.Direction == ChangeDirection.Down ? -result.RelativeChange : result.RelativeChange;
        return new AnomalyVerdict(result.IsAnomalous, signedChange, Math.Abs(result.ZScore));
    }
}
