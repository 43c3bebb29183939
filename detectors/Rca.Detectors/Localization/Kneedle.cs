namespace Rca.Detectors.Localization;

/// <summary>
/// The Kneedle knee finder for a concave, increasing curve with sensitivity S, in offline mode
/// (the first knee is returned). Satopää et al., "Finding a 'Kneedle' in a Haystack: Detecting
/// Knee Points in System Behavior" (ICDCS workshops 2011), section III.
/// </summary>
internal static class Kneedle
{
    /// <summary>
    /// Returns the index of the first knee of the curve (<paramref name="x"/>, <paramref name="y"/>),
    /// or -1 when there is none. <paramref name="x"/> must be strictly increasing.
    /// </summary>
    public static int FindConcaveIncreasing(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double sensitivity = 1)
    {
        var n = x.Length;
        if (n < 3 || y.Length != n)
        {
            return -1;
        }

        double xMin = x[0], xMax = x[n - 1];
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            yMin = Math.Min(yMin, y[i]);
            yMax = Math.Max(yMax, y[i]);
        }

        if (!(xMax > xMin) || !(yMax > yMin))
        {
            return -1;
        }

        // The difference curve: how far the normalised curve rises above the diagonal.
        var xNormalized = new double[n];
        var difference = new double[n];
        for (var i = 0; i < n; i++)
        {
            xNormalized[i] = (x[i] - xMin) / (xMax - xMin);
            difference[i] = (y[i] - yMin) / (yMax - yMin) - xNormalized[i];
        }

        // Local extrema of the difference curve, with the ends compared against themselves.
        var isMaximum = new bool[n];
        var isMinimum = new bool[n];
        var firstMaximum = -1;
        for (var i = 0; i < n; i++)
        {
            var previous = difference[Math.Max(i - 1, 0)];
            var next = difference[Math.Min(i + 1, n - 1)];
            isMaximum[i] = difference[i] >= previous && difference[i] >= next;
            isMinimum[i] = difference[i] <= previous && difference[i] <= next;
            if (isMaximum[i] && firstMaximum < 0)
            {
                firstMaximum = i;
            }
        }

        if (firstMaximum < 0)
        {
            return -1;
        }

        // A knee is declared when the difference curve falls below the threshold of the last
        // maximum before a new minimum resets it: T = difference(max) − S · mean step of x.
        var thresholdOffset = sensitivity * Math.Abs((xNormalized[n - 1] - xNormalized[0]) / (n - 1));
        var threshold = 0.0;
        var thresholdIndex = -1;
        for (var i = firstMaximum; i < n - 1; i++)
        {
            if (xNormalized[i] == 1.0)
            {
                break;
            }

            if (isMaximum[i])
            {
                threshold = difference[i] - thresholdOffset;
                thresholdIndex = i;
            }

            if (isMinimum[i])
            {
                threshold = 0.0;
            }

            if (difference[i + 1] < threshold && thresholdIndex >= 0)
            {
                return thresholdIndex;
            }
        }

        return -1;
    }
}
