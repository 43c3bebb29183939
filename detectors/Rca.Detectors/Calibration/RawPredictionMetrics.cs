namespace Rca.Detectors.Calibration;

/// <summary>
/// Metrics that need one prediction and one outcome per impression: log-loss, the Brier score
/// and the area under the ROC curve.
/// </summary>
public static class RawPredictionMetrics
{
    /// <summary>Predictions are clipped to <c>[ε, 1 − ε]</c> with this ε before taking logarithms, so a confident miss costs about 34.5 rather than infinity.</summary>
    public const double LogLossClip = 1e-15;

    /// <summary>
    /// Returns the mean log-loss <c>−(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)]</c> with <c>p</c> clipped
    /// to <c>[1e-15, 1 − 1e-15]</c>; null for no impressions.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double? LogLoss(ReadOnlySpan<double> predictions, ReadOnlySpan<double> labels)
    {
        CheckLengths(predictions, labels);
        if (predictions.Length == 0)
        {
            return null;
        }

        double sum = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var p = Math.Clamp(predictions[i], LogLossClip, 1 - LogLossClip);
            sum += labels[i] * Math.Log(p) + (1 - labels[i]) * Math.Log(1 - p);
        }

        return -sum / predictions.Length;
    }

    /// <summary>Returns the Brier score <c>(1/n)·Σ (p − y)²</c>; null for no impressions.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double? BrierScore(ReadOnlySpan<double> predictions, ReadOnlySpan<double> labels)
    {
        CheckLengths(predictions, labels);
        if (predictions.Length == 0)
        {
            return null;
        }

        double sum = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var difference = predictions[i] - labels[i];
            sum += difference * difference;
        }

        return sum / predictions.Length;
    }

    /// <summary>
    /// Returns the area under the ROC curve as the Mann–Whitney statistic
    /// <c>U / (n_pos·n_neg)</c>, with <c>U = R_pos − n_pos·(n_pos + 1)/2</c> and <c>R_pos</c> the sum
    /// of the positives' ranks among all predictions. Tied predictions share their mean rank, so a
    /// tied positive–negative pair counts one half. Null when either class is absent.
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="labels">The labels; a label above 0.5 is a positive.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double? Auc(ReadOnlySpan<double> predictions, ReadOnlySpan<double> labels)
    {
        CheckLengths(predictions, labels);
        var n = predictions.Length;
        var order = new int[n];
        var keys = predictions.ToArray();
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            // Ranks are 1-based, so the tie group [start, end) shares the mean rank (start + 1 + end) / 2.
            var meanRank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                if (labels[order[i]] > 0.5)
                {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }

            start = end;
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }

    private static void CheckLengths(ReadOnlySpan<double> predictions, ReadOnlySpan<double> labels)
    {
        if (predictions.Length != labels.Length)
        {
            throw new ArgumentException($"Got {predictions.Length} predictions but {labels.Length} labels; expected one label per prediction.", nameof(labels));
        }
    }
}
