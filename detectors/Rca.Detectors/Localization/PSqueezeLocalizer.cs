using System.Diagnostics;
using Rca.Detectors.Data;

namespace Rca.Detectors.Localization;

/// <summary>
/// PSqueeze, a localizer of the root causes of an anomaly in a multi-dimensional KPI. It
/// clusters the leaves' deviation scores, probabilistically so that small counts add little
/// noise. Then it searches each cluster's cuboids for the smallest set of attribute
/// combinations whose descendants follow the generalized ripple effect.
/// </summary>
/// <remarks>
/// Li et al., "Generic and Robust Root Cause Localization for Multi-Dimensional Data in Online
/// Service Systems", Journal of Systems and Software, 2023 (arXiv 2305.03331), extending Li et
/// al., "Generic and Robust Localization of Multi-Dimensional Root Causes", ISSRE 2019. Departures
/// from the authors' code: leaves with a zero forecast and a positive actual stay in; Poisson
/// weights are computed in log space; a candidate with GPS 0 is never chosen; and root-cause sets
/// of small clusters that explain little (<see cref="PSqueezeOptions.ReportedGps"/>,
/// <see cref="PSqueezeOptions.MinRelativeImpact"/>) are not reported.
/// </remarks>
public sealed class PSqueezeLocalizer : IRootCauseLocalizer
{
    private const int Slots = PoissonSlotWeights.Slots;

    /// <summary>Creates a localizer with the given options, or the defaults.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public PSqueezeLocalizer(PSqueezeOptions? options = null)
    {
        Options = options ?? new PSqueezeOptions();
        var problem = Options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    /// <summary>The options in force.</summary>
    public PSqueezeOptions Options { get; }

    /// <inheritdoc />
    public LocalizationResult Localize(LeafTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var total = Stopwatch.StartNew();
        var sample = LeafSample.Create(table, Options);
        var n = sample.Count;
        if (n == 0)
        {
            return Empty(0, total.Elapsed);
        }

        // Step 2: the anomaly-amount filter.
        var step = Stopwatch.StartNew();
        var amounts = new double[n];
        var absoluteError = new double[n];
        for (var leaf = 0; leaf < n; leaf++)
        {
            absoluteError[leaf] = Math.Abs(sample.Actual[leaf] - sample.Forecast[leaf]);
            amounts[leaf] = AnomalyAmountFilter.Amount(sample.Forecast[leaf], sample.Actual[leaf]);
        }

        var amountThreshold = AnomalyAmountFilter.Threshold(amounts, Options);
        var filtered = new List<int>();
        for (var leaf = 0; leaf < n; leaf++)
        {
            if (amounts[leaf] > amountThreshold)
            {
                filtered.Add(leaf);
            }
        }

        var filterTime = step.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        // Step 3: clustering of the points of the filtered leaves.
        step.Restart();
        var halfWidth = sample.IsDerived ? 0.0 : 1.0;
        var slots = Options.Probabilistic ? Slots : 1;
        var points = new Points(sample, halfWidth, Options.Probabilistic);
        var pointScores = new double[filtered.Count * slots];
        var pointWeights = new double[filtered.Count * slots];
        var middleScores = new double[filtered.Count];
        for (var i = 0; i < filtered.Count; i++)
        {
            for (var slot = 0; slot < slots; slot++)
            {
                pointScores[i * slots + slot] = points.Score(filtered[i], slot);
                pointWeights[i * slots + slot] = points.Weight(filtered[i], slot);
            }

            middleScores[i] = points.Score(filtered[i], slots / 2);
        }

        var (histogram, clusters) = DeviationClustering.Cluster(
            pointScores, pointWeights, middleScores, Options.NormalDeviationThreshold);
        var clusterLeaves = Expand(clusters, points, filtered, slots);
        var clusteringTime = step.Elapsed;
        if (clusterLeaves.Count == 0)
        {
            return new LocalizationResult([], n, filtered.Count, 0, histogram, Timings(filterTime, clusteringTime, TimeSpan.Zero, total.Elapsed));
        }

        // Step 4: normal leaves, whose every point deviates less than any clustered point.
        step.Restart();
        var smallestClustered = double.PositiveInfinity;
        var clusteredPoints = 0;
        foreach (var cluster in clusterLeaves)
        {
            smallestClustered = Math.Min(smallestClustered, Math.Min(Math.Abs(cluster.Cluster.Min), Math.Abs(cluster.Cluster.Max)));
            if (cluster.Cluster.Min <= 0 && cluster.Cluster.Max >= 0)
            {
                smallestClustered = 0;
            }

            clusteredPoints += cluster.PointCount;
        }

        var normal = new List<int>();
        for (var leaf = 0; leaf < n; leaf++)
        {
            var largest = 0.0;
            for (var slot = 0; slot < slots; slot++)
            {
                largest = Math.Max(largest, Math.Abs(points.Score(leaf, slot)));
            }

            if (largest < smallestClustered)
            {
                normal.Add(leaf);
            }
        }

        // Step 5: search every cluster; C weighs explanation against succinctness once per case.
        var distinctValues = 0;
        for (var attribute = 0; attribute < table.AttributeCount; attribute++)
        {
            distinctValues += table.GetAttributeValues(attribute).Count;
        }

        var coverage = Math.Clamp(clusteredPoints / (double)(slots * n), 1e-9, 1 - 1e-9);
        var k = clusterLeaves.Count;
        var weight = Math.Log(k + 1) / k * -Math.Log(coverage) * (distinctValues / Math.Log(distinctValues + 1));

        var search = new ClusterSearch(sample, absoluteError, Options, cancellationToken);
        var sets = new List<RootCauseSet>();
        foreach (var cluster in clusterLeaves)
        {
            var answer = search.Run(cluster, normal, weight);
            if (answer is not null)
            {
                sets.Add(Describe(answer, cluster, sample, absoluteError, weight));
            }
        }

        // A weak explanation of a small cluster is most likely noise. The largest cluster is
        // always reported, so every anomalous case gets at least one root-cause set.
        var largestImpact = sets.Count > 0 ? sets.Max(set => set.Impact) : 0;
        var ordered = sets
            .Where(set => set.Gps >= Options.ReportedGps || set.Impact >= Options.MinRelativeImpact * largestImpact)
            .OrderByDescending(set => set.Impact)
            .DistinctBy(set => set.ToString())
            .ToList();
        var searchTime = step.Elapsed;
        return new LocalizationResult(
            ordered, n, filtered.Count, clusterLeaves.Count, histogram,
            Timings(filterTime, clusteringTime, searchTime, total.Elapsed));
    }

    private List<ClusterLeaves> Expand(List<DeviationCluster> clusters, Points points, List<int> filtered, int slots)
    {
        var result = new List<ClusterLeaves>();
        foreach (var cluster in clusters)
        {
            var leaves = new List<int>();
            var weights = new List<double>();
            var pointCount = 0;
            var middleCount = 0;

            // PSqueeze widens the cluster to every point of every valid leaf in its score range;
            // Squeeze keeps the filtered leaves only.
            var candidates = Options.Probabilistic ? Enumerable.Range(0, points.Count) : filtered;
            foreach (var leaf in candidates)
            {
                double leafWeight = 0;
                var inside = false;
                for (var slot = 0; slot < slots; slot++)
                {
                    var score = points.Score(leaf, slot);
                    if (score >= cluster.Min && score <= cluster.Max)
                    {
                        leafWeight += points.Weight(leaf, slot);
                        pointCount++;
                        inside = true;
                        if (slot == slots / 2)
                        {
                            middleCount++;
                        }
                    }
                }

                if (inside)
                {
                    leaves.Add(leaf);
                    weights.Add(leafWeight);
                }
            }

            if (slots > 1 && middleCount * 4 < pointCount)
            {
                // A cluster made mostly of shifted points is kept by its actual (middle) points only.
                if (middleCount == 0)
                {
                    continue;
                }

                leaves.Clear();
                weights.Clear();
                pointCount = 0;
                foreach (var leaf in candidates)
                {
                    var score = points.Score(leaf, slots / 2);
                    if (score >= cluster.Min && score <= cluster.Max)
                    {
                        leaves.Add(leaf);
                        weights.Add(points.Weight(leaf, slots / 2));
                        pointCount++;
                    }
                }
            }

            result.Add(new ClusterLeaves(cluster with { LeafCount = leaves.Count }, [.. leaves], [.. weights], pointCount));
        }

        return result;
    }

    private static RootCauseSet Describe(CuboidSearch.Answer answer, ClusterLeaves cluster, LeafSample sample, double[] absoluteError, double weight)
    {
        var table = sample.Table;
        var combinations = answer.Keys.Select(key => answer.Cuboid.Decode(key, table)).ToArray();
        var keys = new HashSet<long>(answer.Keys);
        var under = new List<int>();
        for (var leaf = 0; leaf < sample.Count; leaf++)
        {
            if (keys.Contains(answer.Cuboid.Key(leaf)))
            {
                under.Add(leaf);
            }
        }

        var (actual, forecast) = sample.RollUpMeasure(under);
        var explanatoryPower = ExplanatoryPower(sample, under);
        double impact = 0;
        foreach (var leaf in cluster.Leaves)
        {
            impact += absoluteError[leaf];
        }

        var layer = answer.Cuboid.Layer;
        var rank = answer.Gps * weight - answer.Keys.Length * layer * layer;
        return new RootCauseSet(
            combinations,
            answer.Cuboid.Names,
            answer.Gps,
            rank,
            cluster.Cluster.MeanDeviation,
            explanatoryPower,
            impact,
            actual,
            forecast,
            cluster.Leaves.Length);
    }

    /// <summary>
    /// Returns the share of the total's change that disappears when the descendants are set back to
    /// their forecasts. For a fundamental measure this is Σ(f − v) under the set over Σ(f − v).
    /// </summary>
    private static double ExplanatoryPower(LeafSample sample, List<int> under)
    {
        var table = sample.Table;
        var derived = table.Kind == MeasureKind.Derived;
        double actual = 0, forecast = 0, actualDenominator = 0, forecastDenominator = 0;
        for (var row = 0; row < table.LeafCount; row++)
        {
            actual += table.Actual[row];
            forecast += table.Forecast[row];
            if (derived)
            {
                actualDenominator += table.ActualDenominator[row];
                forecastDenominator += table.ForecastDenominator[row];
            }
        }

        double repairedActual = actual, repairedDenominator = actualDenominator;
        foreach (var leaf in under)
        {
            var row = sample.Leaves[leaf];
            repairedActual += table.Forecast[row] - table.Actual[row];
            if (derived)
            {
                repairedDenominator += table.ForecastDenominator[row] - table.ActualDenominator[row];
            }
        }

        var totalActual = derived ? LeafTable.Ratio(actual, actualDenominator) : actual;
        var totalForecast = derived ? LeafTable.Ratio(forecast, forecastDenominator) : forecast;
        var repaired = derived ? LeafTable.Ratio(repairedActual, repairedDenominator) : repairedActual;
        var change = totalForecast - totalActual;
        return change == 0 ? 0 : (totalForecast - totalActual - (totalForecast - repaired)) / change;
    }

    private static LocalizationTimings Timings(TimeSpan filter, TimeSpan clustering, TimeSpan search, TimeSpan total) =>
        new(filter, clustering, search, total);

    private static LocalizationResult Empty(int validLeaves, TimeSpan elapsed) =>
        new([], validLeaves, 0, 0, DeviationHistogram.Empty, Timings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, elapsed));

    /// <summary>The deviation-score points of every valid leaf: actual − b, actual and actual + b.</summary>
    private sealed class Points
    {
        private readonly double[] _scores;
        private readonly double[] _weights;
        private readonly int _slots;

        public Points(LeafSample sample, double halfWidth, bool probabilistic)
        {
            _slots = probabilistic ? Slots : 1;
            Count = sample.Count;
            _scores = new double[Count * _slots];
            _weights = new double[Count * _slots];
            Span<double> weights = stackalloc double[Slots];
            for (var leaf = 0; leaf < Count; leaf++)
            {
                var actual = sample.Actual[leaf];
                var forecast = sample.Forecast[leaf];
                if (!probabilistic)
                {
                    _scores[leaf] = DeviationScore.Compute(forecast, actual);
                    _weights[leaf] = 1;
                    continue;
                }

                PoissonSlotWeights.Compute(actual, halfWidth, weights);
                var offset = leaf * Slots;
                _scores[offset] = DeviationScore.Compute(forecast, Math.Max(actual - halfWidth, 0));
                _scores[offset + 1] = DeviationScore.Compute(forecast, actual);
                _scores[offset + 2] = DeviationScore.Compute(forecast, actual + halfWidth);
                _weights[offset] = weights[0];
                _weights[offset + 1] = weights[1];
                _weights[offset + 2] = weights[2];
            }
        }

        public int Count { get; }

        public double Score(int leaf, int slot) => _scores[leaf * _slots + slot];

        public double Weight(int leaf, int slot) => _weights[leaf * _slots + slot];
    }
}
