using System.Runtime.Intrinsics;

namespace Rca.Detectors.Localization;

/// <summary>
/// PSqueeze's anomaly-amount filter: keeps the leaves whose amount of change
/// <c>m = ln(|v − f| + 1) / 10</c> lies beyond the knee of the cumulative Gaussian kernel density
/// of <c>m</c> (Scott's bandwidth, evaluated on an even grid over [min m, max m]).
/// </summary>
/// <remarks>
/// Below <see cref="PSqueezeOptions.ExactKdeMaxLeaves"/> leaves every kernel is summed, skipping
/// only kernels more than 9 bandwidths from a grid point (their terms are below 1e-17 of the
/// peak). Above it the leaves are first linearly binned on a fine grid of
/// <see cref="PSqueezeOptions.KdeBins"/> bins; the binned density differs from the exact one by
/// far less than a grid step, and the evaluation tests compare both on the bundled data.
/// </remarks>
internal static class AnomalyAmountFilter
{
    private const double KernelCutoff = 9.0;

    /// <summary>
    /// Returns the threshold on <c>m</c>: leaves with <c>m</c> strictly above it pass. Returns
    /// negative infinity when every leaf passes (all amounts equal).
    /// </summary>
    public static double Threshold(ReadOnlySpan<double> amounts, PSqueezeOptions options)
    {
        var n = amounts.Length;
        if (n == 0)
        {
            return double.NegativeInfinity;
        }

        var sorted = amounts.ToArray();
        Array.Sort(sorted);
        double min = sorted[0], max = sorted[n - 1];
        var standardDeviation = SampleStandardDeviation(sorted);
        if (!(max > min) || !(standardDeviation > 0) || n < 2)
        {
            return double.NegativeInfinity;
        }

        // Scott's rule for one dimension: bandwidth = σ · n^(−1/5).
        var bandwidth = standardDeviation * Math.Pow(n, -0.2);
        var gridPoints = options.KdeGridPoints;
        var grid = new double[gridPoints];
        for (var i = 0; i < gridPoints; i++)
        {
            grid[i] = min + (max - min) * i / (gridPoints - 1);
        }

        grid[gridPoints - 1] = max;
        var density = n <= options.ExactKdeMaxLeaves
            ? ExactDensity(sorted, grid, bandwidth)
            : BinnedDensity(sorted, grid, bandwidth, options.KdeBins);

        var cumulative = new double[gridPoints];
        double sum = 0;
        for (var i = 0; i < gridPoints; i++)
        {
            sum += density[i];
            cumulative[i] = sum;
        }

        var knee = Kneedle.FindConcaveIncreasing(grid, cumulative);
        return knee < 0 ? min : grid[knee];
    }

    /// <summary>Returns the ln-transformed amount of change of one leaf.</summary>
    public static double Amount(double forecast, double actual) => Math.Log(Math.Abs(actual - forecast) + 1) / 10;

    private static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        double mean = 0;
        for (var i = 0; i < values.Length; i++)
        {
            mean += values[i];
        }

        mean /= values.Length;
        double squares = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var delta = values[i] - mean;
            squares += delta * delta;
        }

        return Math.Sqrt(squares / (values.Length - 1));
    }

    // Unnormalised density: the constant 1/(n·h·√(2π)) cancels in the knee search.
    private static double[] ExactDensity(double[] sorted, double[] grid, double bandwidth)
    {
        var density = new double[grid.Length];
        var reach = KernelCutoff * bandwidth;
        var scale = -0.5 / (bandwidth * bandwidth);
        int low = 0, high = 0;
        for (var g = 0; g < grid.Length; g++)
        {
            var x = grid[g];
            while (low < sorted.Length && sorted[low] < x - reach)
            {
                low++;
            }

            if (high < low)
            {
                high = low;
            }

            while (high < sorted.Length && sorted[high] <= x + reach)
            {
                high++;
            }

            density[g] = SumKernels(sorted.AsSpan(low, high - low), x, scale);
        }

        return density;
    }

    private static double SumKernels(ReadOnlySpan<double> points, double x, double scale)
    {
        var i = 0;
        var total = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            var center = Vector256.Create(x);
            var factor = Vector256.Create(scale);
            for (; i <= points.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var delta = Vector256.Create(points.Slice(i, Vector256<double>.Count)) - center;
                total += Vector256.Exp(delta * delta * factor);
            }
        }

        var sum = Vector256.Sum(total);
        for (; i < points.Length; i++)
        {
            var delta = points[i] - x;
            sum += Math.Exp(delta * delta * scale);
        }

        return sum;
    }

    private static double[] BinnedDensity(double[] sorted, double[] grid, double bandwidth, int bins)
    {
        // Linear binning: each point splits its unit weight between the two nearest bin centres.
        double min = sorted[0], max = sorted[^1];
        var step = (max - min) / (bins - 1);
        var weights = new double[bins];
        foreach (var value in sorted)
        {
            var position = (value - min) / step;
            var left = Math.Min((int)position, bins - 2);
            var fraction = position - left;
            weights[left] += 1 - fraction;
            weights[left + 1] += fraction;
        }

        var centers = new double[bins];
        for (var b = 0; b < bins; b++)
        {
            centers[b] = min + step * b;
        }

        var density = new double[grid.Length];
        var reach = KernelCutoff * bandwidth;
        var scale = -0.5 / (bandwidth * bandwidth);
        for (var g = 0; g < grid.Length; g++)
        {
            var x = grid[g];
            var first = Math.Max(0, (int)Math.Floor((x - reach - min) / step));
            var last = Math.Min(bins - 1, (int)Math.Ceiling((x + reach - min) / step));
            double sum = 0;
            for (var b = first; b <= last; b++)
            {
                if (weights[b] != 0)
                {
                    var delta = centers[b] - x;
                    sum += weights[b] * Math.Exp(delta * delta * scale);
                }
            }

            density[g] = sum;
        }

        return density;
    }
}
