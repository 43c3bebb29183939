namespace Rca.Detectors.Localization;

/// <summary>
/// Decides whether a case's root cause probably lies outside the recorded attributes. A case
/// whose best explanations fit poorly (small minimum GPS) is external. The GPS threshold is the
/// valley before the last peak of the smoothed histogram of recent cases' minimum GPS, because
/// well-explained cases gather in a peak near 1 (Li et al., JSS 2023, section 4.4).
/// </summary>
public static class ExternalRootCauseClassifier
{
    /// <summary>The threshold used when the history is too short or has no valley.</summary>
    public const double DefaultThreshold = 0.8;

    /// <summary>The fewest cases from which a threshold is learned.</summary>
    public const int MinCases = 30;

    private const double HistogramFirst = -0.2;
    private const double HistogramLast = 1.2;

    /// <summary>
    /// Returns the GPS threshold learned from the minimum GPS of recent cases; NaN entries (cases
    /// with no root-cause set) are ignored.
    /// </summary>
    public static double Threshold(IReadOnlyList<double> minGps)
    {
        ArgumentNullException.ThrowIfNull(minGps);
        var values = minGps.Where(double.IsFinite).Select(value => Math.Clamp(value, HistogramFirst, HistogramLast)).ToArray();
        if (values.Length < MinCases)
        {
            return DefaultThreshold;
        }

        var edges = HistogramBins.Auto(values, HistogramFirst, HistogramLast);
        var counts = new double[edges.Length - 1];
        foreach (var value in values)
        {
            var bin = HistogramBins.Locate(edges, value);
            if (bin >= 0)
            {
                counts[bin]++;
            }
        }

        var smoothed = DeviationClustering.SmoothTrailing(counts);
        var maxima = DeviationClustering.CollapseRuns(DeviationClustering.Maxima(smoothed));
        if (maxima.Count == 0)
        {
            return DefaultThreshold;
        }

        var lastPeak = maxima[^1];
        var valley = DeviationClustering.Minima(smoothed, DeviationClustering.Maxima(smoothed))
            .Where(bin => bin < lastPeak)
            .DefaultIfEmpty(-1)
            .Max();
        return valley < 0 ? DefaultThreshold : (edges[valley] + edges[valley + 1]) / 2;
    }

    /// <summary>Returns whether a case is external: it has no root-cause set, or its minimum GPS is below the threshold.</summary>
    public static bool IsExternal(double minGps, double threshold) => double.IsNaN(minGps) || minGps < threshold;

    /// <summary>Decides every case of a group (a dataset folder, or one KPI's recent incidents) by the group's threshold.</summary>
    public static (double Threshold, bool[] External) Classify(IReadOnlyList<double> minGps)
    {
        var threshold = Threshold(minGps);
        return (threshold, [.. minGps.Select(value => IsExternal(value, threshold))]);
    }
}
