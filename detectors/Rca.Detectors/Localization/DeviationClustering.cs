namespace Rca.Detectors.Localization;

/// <summary>
/// Density-based clustering of deviation scores on a smoothed weighted histogram: every local
/// maximum is a cluster that reaches out to the neighbouring local minima (Li et al., JSS 2023,
/// section 4.2, generalising Squeeze's clustering, ISSRE 2019, section IV-B).
/// </summary>
internal static class DeviationClustering
{
    private const int PaddingEdges = 5;
    private const double PaddingStep = 0.1;

    /// <summary>
    /// Builds the histogram of the weighted points and returns it with the score ranges of the
    /// clusters found on it, abnormal ones only (weighted mean |score| of at least
    /// <paramref name="normalThreshold"/>).
    /// </summary>
    /// <param name="scores">The points' deviation scores.</param>
    /// <param name="weights">The points' weights.</param>
    /// <param name="binWidthSample">The scores the bin width is chosen from (the middle-slot scores).</param>
    /// <param name="normalThreshold">The mean |score| below which a cluster is normal.</param>
    public static (DeviationHistogram Histogram, List<DeviationCluster> Clusters) Cluster(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<double> binWidthSample,
        double normalThreshold)
    {
        var clusters = new List<DeviationCluster>();
        if (scores.Length == 0)
        {
            return (DeviationHistogram.Empty, clusters);
        }

        double first = double.PositiveInfinity, last = double.NegativeInfinity;
        foreach (var score in scores)
        {
            first = Math.Min(first, score);
            last = Math.Max(last, score);
        }

        var edges = Pad(HistogramBins.Auto(binWidthSample, first, last));
        var density = Density(scores, weights, edges);
        var smoothed = SmoothTrailing(density);
        var maxima = Maxima(smoothed);
        var minima = Minima(smoothed, maxima);

        var centers = new double[smoothed.Length];
        for (var bin = 0; bin < centers.Length; bin++)
        {
            centers[bin] = (edges[bin] + edges[bin + 1]) / 2;
        }

        foreach (var maximum in CollapseRuns(maxima))
        {
            var lower = double.NegativeInfinity;
            var upper = double.PositiveInfinity;
            foreach (var minimum in minima)
            {
                if (minimum < maximum)
                {
                    lower = centers[minimum];
                }
                else if (minimum > maximum)
                {
                    upper = centers[minimum];
                    break;
                }
            }

            double weightSum = 0, absoluteSum = 0, weightedSum = 0;
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            var count = 0;
            for (var point = 0; point < scores.Length; point++)
            {
                var score = scores[point];
                if (score < lower || score >= upper)
                {
                    continue;
                }

                weightSum += weights[point];
                absoluteSum += weights[point] * Math.Abs(score);
                weightedSum += weights[point] * score;
                min = Math.Min(min, score);
                max = Math.Max(max, score);
                count++;
            }

            if (count == 0 || weightSum <= 0 || absoluteSum / weightSum < normalThreshold)
            {
                continue;
            }

            clusters.Add(new DeviationCluster(min, max, weightedSum / weightSum, count));
        }

        return (new DeviationHistogram(edges, smoothed, clusters), clusters);
    }

    /// <summary>Adds five edges 0.1 apart on each side, so the outermost clusters have empty neighbours.</summary>
    internal static double[] Pad(double[] edges)
    {
        var padded = new double[edges.Length + 2 * PaddingEdges];
        for (var i = 0; i < PaddingEdges; i++)
        {
            padded[i] = edges[0] - PaddingStep * (PaddingEdges - i);
            padded[^(i + 1)] = edges[^1] + PaddingStep * (PaddingEdges - i);
        }

        edges.CopyTo(padded, PaddingEdges);
        return padded;
    }

    /// <summary>Returns the weighted histogram normalised so that it integrates to 1 over the edges.</summary>
    internal static double[] Density(ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double[] edges)
    {
        var bins = edges.Length - 1;
        var sums = new double[bins];
        double total = 0;
        for (var point = 0; point < scores.Length; point++)
        {
            var bin = LocateAmongPadded(edges, scores[point]);
            if (bin >= 0)
            {
                sums[bin] += weights[point];
                total += weights[point];
            }
        }

        if (total <= 0)
        {
            return sums;
        }

        for (var bin = 0; bin < bins; bin++)
        {
            sums[bin] /= total * (edges[bin + 1] - edges[bin]);
        }

        return sums;
    }

    /// <summary>
    /// Smooths with a trailing moving average over <c>max(non-empty bins / 10, 1)</c> bins; the
    /// first bins, which lack a full window, stay as they are.
    /// </summary>
    internal static double[] SmoothTrailing(double[] values)
    {
        var nonEmpty = 0;
        foreach (var value in values)
        {
            if (value > 0)
            {
                nonEmpty++;
            }
        }

        var window = Math.Max(nonEmpty / 10, 1);
        var smoothed = (double[])values.Clone();
        if (window == 1)
        {
            return smoothed;
        }

        for (var i = window - 1; i < values.Length; i++)
        {
            double sum = 0;
            for (var j = i - window + 1; j <= i; j++)
            {
                sum += values[j];
            }

            smoothed[i] = sum / window;
        }

        return smoothed;
    }

    /// <summary>Returns the bins that are at least their neighbours (ends wrap around) and non-zero.</summary>
    internal static List<int> Maxima(double[] values)
    {
        var maxima = new List<int>();
        var n = values.Length;
        for (var i = 0; i < n; i++)
        {
            var previous = values[(i - 1 + n) % n];
            var next = values[(i + 1) % n];
            if (values[i] > 0 && values[i] >= previous && values[i] >= next)
            {
                maxima.Add(i);
            }
        }

        return maxima;
    }

    /// <summary>Returns the bins that are at most their neighbours (ends wrap around) and not maxima.</summary>
    internal static List<int> Minima(double[] values, List<int> maxima)
    {
        var minima = new List<int>();
        var n = values.Length;
        var maximumSet = new HashSet<int>(maxima);
        for (var i = 0; i < n; i++)
        {
            var previous = values[(i - 1 + n) % n];
            var next = values[(i + 1) % n];
            if (values[i] <= previous && values[i] <= next && !maximumSet.Contains(i))
            {
                minima.Add(i);
            }
        }

        return minima;
    }

    /// <summary>Keeps the first bin of every run of adjacent maxima.</summary>
    internal static List<int> CollapseRuns(List<int> maxima)
    {
        var kept = new List<int>();
        for (var i = 0; i < maxima.Count; i++)
        {
            if (i == 0 || maxima[i] != maxima[i - 1] + 1)
            {
                kept.Add(maxima[i]);
            }
        }

        return kept;
    }

    private static int LocateAmongPadded(double[] edges, double value)
    {
        // The padding bins are empty by construction, so only the inner equal-width edges matter.
        var inner = edges.AsSpan(PaddingEdges, edges.Length - 2 * PaddingEdges);
        var bin = HistogramBins.Locate(inner, value);
        return bin < 0 ? -1 : bin + PaddingEdges;
    }
}
