namespace Rca.Detectors.Localization;

/// <summary>
/// The layer-by-layer search of one case's clusters: every cuboid of a layer in parallel, the
/// descent stopping after the first layer with a candidate above the early-stop GPS, and the
/// cluster's root-cause set chosen by <c>rank = GPS·C − k·L²</c> among candidates with GPS &gt; 0.
/// </summary>
internal sealed class ClusterSearch
{
    private readonly LeafSample _sample;
    private readonly double[] _absoluteError;
    private readonly PSqueezeOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Cuboid[]> _layers = [];

    public ClusterSearch(LeafSample sample, double[] absoluteError, PSqueezeOptions options, CancellationToken cancellationToken)
    {
        _sample = sample;
        _absoluteError = absoluteError;
        _options = options;
        _cancellationToken = cancellationToken;

        var table = sample.Table;
        var byName = Enumerable.Range(0, table.AttributeCount)
            .OrderBy(attribute => table.AttributeNames[attribute], StringComparer.Ordinal)
            .ToArray();
        var index = 0;
        for (var layer = 1; layer <= byName.Length; layer++)
        {
            _layers.Add([.. Cuboid.Combinations(byName, layer).Select(attributes => new Cuboid(index++, attributes, table, sample.Codes))]);
        }
    }

    /// <summary>Returns the cluster's chosen candidate, or null when no candidate explains any of its change.</summary>
    public CuboidSearch.Answer? Run(ClusterLeaves cluster, List<int> normal, double weight)
    {
        var contrast = new int[cluster.Leaves.Length + normal.Count];
        cluster.Leaves.CopyTo(contrast, 0);
        normal.CopyTo(contrast, cluster.Leaves.Length);
        double contrastErrorSum = 0;
        foreach (var leaf in contrast)
        {
            contrastErrorSum += _absoluteError[leaf];
        }

        var parallel = new ParallelOptions
        {
            CancellationToken = _cancellationToken,
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : -1,
        };

        CuboidSearch.Answer? best = null;
        var bestRank = double.NegativeInfinity;
        foreach (var cuboids in _layers)
        {
            var answers = new CuboidSearch.Answer?[cuboids.Length];
            Parallel.For(0, cuboids.Length, parallel, i =>
            {
                var cuboid = cuboids[i];
                cuboid.CountDescendants(_sample.Count);
                answers[i] = CuboidSearch.Search(
                    cuboid, cluster, contrast, contrastErrorSum, _sample, _absoluteError,
                    _options.MaxElementsPerCandidate, CompareText);
            });

            var stop = false;
            foreach (var answer in answers)
            {
                if (answer is null)
                {
                    continue;
                }

                stop |= answer.Gps > _options.EarlyStopGps;
                if (!(answer.Gps > 0))
                {
                    continue;
                }

                // Layers and cuboids are visited in order, so a strict improvement keeps the
                // lower layer and the earlier cuboid on ties.
                var layer = answer.Cuboid.Layer;
                var rank = answer.Gps * weight - answer.Keys.Length * layer * layer;
                if (rank > bestRank)
                {
                    bestRank = rank;
                    best = answer;
                }
            }

            if (stop)
            {
                break;
            }
        }

        return best;
    }

    private int CompareText(Cuboid cuboid, long left, long right) =>
        string.CompareOrdinal(cuboid.Decode(left, _sample.Table).ToString(), cuboid.Decode(right, _sample.Table).ToString());
}
