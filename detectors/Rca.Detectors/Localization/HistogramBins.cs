namespace Rca.Detectors.Localization;

/// <summary>
/// Histogram bin edges by the "auto" rule: the narrower of the Freedman–Diaconis width
/// <c>2·IQR·n^(−1/3)</c> and the Sturges width <c>range / (log₂ n + 1)</c>, or Sturges alone
/// when the IQR is 0; equal bins then span the requested range (the rule of numpy's
/// <c>histogram_bin_edges(bins="auto")</c>).
/// </summary>
internal static class HistogramBins
{
    /// <summary>
    /// Returns equal-width edges over [<paramref name="first"/>, <paramref name="last"/>] with the
    /// bin width chosen from <paramref name="sample"/>.
    /// </summary>
    public static double[] Auto(ReadOnlySpan<double> sample, double first, double last)
    {
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }

        var width = AutoWidth(sample);
        var count = width > 0 ? (int)Math.Min(Math.Ceiling((last - first) / width), 1_000_000) : 1;
        count = Math.Max(count, 1);
        var edges = new double[count + 1];
        for (var i = 0; i <= count; i++)
        {
            edges[i] = first + (last - first) * i / count;
        }

        edges[count] = last;
        return edges;
    }

    /// <summary>Returns the "auto" bin width of a sample, 0 when the sample has no spread.</summary>
    public static double AutoWidth(ReadOnlySpan<double> sample)
    {
        if (sample.Length == 0)
        {
            return 0;
        }

        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var range = sorted[^1] - sorted[0];
        var sturges = range / (Math.Log2(sorted.Length) + 1);
        var interquartileRange = Percentile(sorted, 75) - Percentile(sorted, 25);
        var freedmanDiaconis = 2 * interquartileRange * Math.Pow(sorted.Length, -1.0 / 3);
        return freedmanDiaconis > 0 ? Math.Min(freedmanDiaconis, sturges) : sturges;
    }

    /// <summary>Returns the percentile of sorted values with linear interpolation between ranks.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double percent)
    {
        var position = (sorted.Length - 1) * percent / 100;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }

    /// <summary>
    /// Returns the bin of a value among equal-width <paramref name="edges"/>: bins are half-open
    /// except the last, which includes its right edge; values outside give -1.
    /// </summary>
    public static int Locate(ReadOnlySpan<double> edges, double value)
    {
        var count = edges.Length - 1;
        double first = edges[0], last = edges[count];
        if (value < first || value > last)
        {
            return -1;
        }

        var index = (int)((value - first) / (last - first) * count);
        index = Math.Clamp(index, 0, count - 1);

        // Correct the rounding of the division against the stored edges.
        if (value < edges[index])
        {
            index--;
        }
        else if (index < count - 1 && value >= edges[index + 1])
        {
            index++;
        }

        return index;
    }
}
