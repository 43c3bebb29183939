namespace Rca.Detectors.Localization;

/// <summary>
/// Step 5 of PSqueeze for one cluster and one cuboid: ranks the cuboid's elements by descent
/// score and finds the prefix of at most K elements with the best generalized potential score.
/// </summary>
internal static class CuboidSearch
{
    private const double MinDescendants = 1e-4;
    private const double MinForecast = 1e-4;

    /// <summary>The best candidate of one cuboid: its first <see cref="Keys"/> elements and their GPS.</summary>
    public sealed record Answer(Cuboid Cuboid, long[] Keys, double Gps);

    /// <summary>
    /// Returns the best-GPS candidate of the cuboid for the cluster (ties: fewer elements), or
    /// null when the cuboid has no candidate.
    /// </summary>
    /// <param name="cuboid">The cuboid, with its descendants counted.</param>
    /// <param name="cluster">The cluster's leaves and weights.</param>
    /// <param name="contrast">The cluster's leaves followed by the normal leaves: the GPS population.</param>
    /// <param name="contrastErrorSum">Σ|v − f| over <paramref name="contrast"/>.</param>
    /// <param name="sample">The valid leaves.</param>
    /// <param name="absoluteError">|v − f| per valid leaf.</param>
    /// <param name="maxElements">The largest candidate size.</param>
    /// <param name="compareText">Orders elements with equal descent score by their text.</param>
    public static Answer? Search(
        Cuboid cuboid,
        ClusterLeaves cluster,
        int[] contrast,
        double contrastErrorSum,
        LeafSample sample,
        double[] absoluteError,
        int maxElements,
        Func<Cuboid, long, long, int> compareText)
    {
        // Descent score: the clustered weight under an element over its number of valid leaves.
        var weights = new Dictionary<long, double>();
        for (var i = 0; i < cluster.Leaves.Length; i++)
        {
            var key = cuboid.Key(cluster.Leaves[i]);
            weights[key] = weights.GetValueOrDefault(key) + cluster.Weights[i];
        }

        var elementCount = weights.Count;
        var maxK = Math.Min(Math.Min(elementCount, maxElements), cuboid.DistinctElements - 1);
        if (maxK <= 0)
        {
            return null;
        }

        var keys = new long[elementCount];
        var scores = new double[elementCount];
        var next = 0;
        foreach (var (key, weight) in weights)
        {
            keys[next] = key;
            scores[next] = weight / Math.Max(cuboid.Descendants(key), MinDescendants);
            next++;
        }

        var order = new int[elementCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (left, right) =>
        {
            var byScore = scores[right].CompareTo(scores[left]);
            return byScore != 0 ? byScore : compareText(cuboid, keys[left], keys[right]);
        });

        var top = new long[maxK];
        for (var i = 0; i < maxK; i++)
        {
            top[i] = keys[order[i]];
        }

        // Bucket the contrast leaves under the top elements; the rest are outside every candidate.
        var buckets = new List<int>[maxK];
        for (var i = 0; i < maxK; i++)
        {
            buckets[i] = [];
        }

        foreach (var leaf in contrast)
        {
            var key = cuboid.Key(leaf);
            for (var i = 0; i < top.Length; i++)
            {
                if (top[i] == key)
                {
                    buckets[i].Add(leaf);
                    break;
                }
            }
        }

        var actualNumerator = sample.ActualNumerator;
        var forecastNumerator = sample.ForecastNumerator;
        var actualDenominator = sample.ActualDenominator;
        var forecastDenominator = sample.ForecastDenominator;
        var actual = sample.Actual;
        var forecast = sample.Forecast;

        double actualSum = 0, forecastSum = 0, actualDenominatorSum = 0, forecastDenominatorSum = 0;
        double insideErrorSum = 0;
        var insideCount = 0;
        var bestGps = double.NegativeInfinity;
        var bestK = 0;
        for (var k = 1; k <= maxK; k++)
        {
            foreach (var leaf in buckets[k - 1])
            {
                actualSum += actualNumerator[leaf];
                forecastSum += forecastNumerator[leaf];
                if (actualDenominator is not null)
                {
                    actualDenominatorSum += actualDenominator[leaf];
                    forecastDenominatorSum += forecastDenominator![leaf];
                }

                insideErrorSum += absoluteError[leaf];
                insideCount++;
            }

            double rolledActual = actualSum, rolledForecast = forecastSum;
            if (actualDenominator is not null)
            {
                rolledActual = Data.LeafTable.Ratio(actualSum, actualDenominatorSum);
                rolledForecast = Data.LeafTable.Ratio(forecastSum, forecastDenominatorSum);
            }

            // Under the ripple effect every leaf of S1 moves by the same factor as S1 as a whole.
            // Without a forecast to scale, S1's actual is shared equally among its leaves (the
            // published fallback adds all of it to every leaf, which scores any multi-leaf set of
            // new traffic below zero).
            double rippleError = 0;
            var scaled = Math.Abs(rolledForecast) > MinForecast;
            var factor = scaled ? rolledActual / rolledForecast : 0;
            var share = insideCount > 0 ? rolledActual / insideCount : 0;
            for (var b = 0; b < k; b++)
            {
                foreach (var leaf in buckets[b])
                {
                    var expected = scaled ? forecast[leaf] * factor : forecast[leaf] + share;
                    rippleError += Math.Abs(actual[leaf] - expected);
                }
            }

            var outsideCount = contrast.Length - insideCount;
            var insideMeanRipple = insideCount > 0 ? rippleError / insideCount : 0;
            var insideMeanError = insideCount > 0 ? insideErrorSum / insideCount : 0;
            var outsideMeanError = outsideCount > 0 ? Math.Max(contrastErrorSum - insideErrorSum, 0) / outsideCount : 0;
            var denominator = insideMeanError + outsideMeanError;
            var gps = denominator > 0 ? 1 - (insideMeanRipple + outsideMeanError) / denominator : 0;
            if (gps > bestGps)
            {
                bestGps = gps;
                bestK = k;
            }
        }

        return new Answer(cuboid, top[..bestK], bestGps);
    }
}
