using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Tests a KPI total for an anomaly: the relative change must reach
/// <see cref="DetectionOptions.MinRelativeChange"/> in the configured direction, and, when at least
/// <see cref="MinBaseline"/> baseline residuals exist, the robust z-score of the residual
/// (median and 1.4826·MAD of the baseline) must reach <see cref="DetectionOptions.Threshold"/>.
/// </summary>
internal static class TotalAnomalyTest
{
    /// <summary>The fewest baseline residuals for which the z-score is applied.</summary>
    public const int MinBaseline = 5;

    // NOTE: interim rule until Rca.Detectors.Anomalies.TotalAnomalyDetector is merged; the merge
    // replaces the body of Test with a call to it.
    public static AnomalyVerdict Test(DetectionOptions options, double actual, double forecast, ReadOnlySpan<double> baselineResiduals)
    {
        var relativeChange = 0.0;
        if (forecast > 0)
        {
            relativeChange = (actual - forecast) / forecast;
        }
        else if (actual > 0)
        {
            relativeChange = double.PositiveInfinity;
        }

        var directionMatches = options.Direction switch
        {
            "up" => relativeChange > 0,
            "down" => relativeChange < 0,
            _ => relativeChange != 0,
        };
        if (!directionMatches || Math.Abs(relativeChange) < options.MinRelativeChange)
        {
            return new AnomalyVerdict(false, relativeChange, double.NaN);
        }

        if (baselineResiduals.Length < MinBaseline)
        {
            return new AnomalyVerdict(true, relativeChange, double.NaN);
        }

        var median = Median(baselineResiduals.ToArray());
        var deviations = new double[baselineResiduals.Length];
        for (var i = 0; i < deviations.Length; i++)
        {
            deviations[i] = Math.Abs(baselineResiduals[i] - median);
        }

        var scale = 1.4826 * Median(deviations);
        var residual = actual - forecast;
        double score;
        if (scale > 0)
        {
            score = Math.Abs(residual - median) / scale;
        }
        else
        {
            // A constant baseline: any departure from it is infinitely unusual.
            score = residual == median ? 0 : double.PositiveInfinity;
        }

        return new AnomalyVerdict(score >= options.Threshold, relativeChange, score);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
