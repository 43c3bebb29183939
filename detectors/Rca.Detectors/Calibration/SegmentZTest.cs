namespace Rca.Detectors.Calibration;

/// <summary>
/// Tests whether a segment's observed labels are implausible under its predictions:
/// <c>z = (Y − P) / √Var</c>, flagged when <c>|z|</c> and the relative error
/// <c>|Y − P| / P</c> are both above their thresholds.
/// </summary>
/// <remarks>
/// The label count of <c>N</c> impressions with predictions <c>p_i</c> is a sum of independent
/// Bernoulli variables when the model is calibrated, with variance <c>Σ p_i(1 − p_i) = P − Σ p_i²</c>.
/// Without <c>pred_sq_sum</c> the Poisson variance <c>P</c> is used, which is slightly larger and
/// so slightly more cautious. The relative error uses <c>P</c> as its base because <c>P</c> is
/// positive wherever the model predicted anything, while <c>Y</c> can be 0. Special cases:
/// <c>P = 0</c> and <c>Y = 0</c> gives z = 0 and relative error 0; <c>P = 0</c> and <c>Y &gt; 0</c>
/// gives +∞ for both.
/// </remarks>
public static class SegmentZTest
{
    /// <summary>Tests one segment.</summary>
    public static SegmentTestResult Test(CalibrationTotals totals, SegmentTestOptions? options = null)
    {
        options ??= new SegmentTestOptions();
        var difference = totals.Labels - totals.PredictionSum;
        var variance = Variance(totals);
        double z;
        double relativeError;
        if (totals.PredictionSum == 0)
        {
            z = difference == 0 ? 0 : double.PositiveInfinity;
            relativeError = difference == 0 ? 0 : double.PositiveInfinity;
        }
        else
        {
            z = difference / Math.Sqrt(variance);
            relativeError = Math.Abs(difference) / totals.PredictionSum;
        }

        var flagged = Math.Abs(z) > options.ZThreshold && relativeError > options.MinRelativeError;
        return new SegmentTestResult(z, variance, relativeError, flagged);
    }

    /// <summary>Returns the label-count variance: <c>P − pred_sq_sum</c> when known and positive, else <c>P</c>.</summary>
    public static double Variance(CalibrationTotals totals)
    {
        if (totals.PredictionSquareSum is { } squareSum)
        {
            var bernoulli = totals.PredictionSum - squareSum;
            if (bernoulli > 0)
            {
                return bernoulli;
            }
        }

        return totals.PredictionSum;
    }
}
