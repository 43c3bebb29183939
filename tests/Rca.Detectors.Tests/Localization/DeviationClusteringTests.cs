using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class DeviationClusteringTests
{
    [Fact]
    public void SmoothTrailing_UsesTenthOfNonEmptyBins()
    {
        var values = Enumerable.Range(1, 20).Select(value => (double)value).ToArray();

        var smoothed = DeviationClustering.SmoothTrailing(values);

        // 20 non-empty bins give a window of 2; the first bin has no full window.
        Assert.Equal(1, smoothed[0]);
        Assert.Equal(1.5, smoothed[1]);
        Assert.Equal(19.5, smoothed[19]);
    }

    [Fact]
    public void SmoothTrailing_FewBins_KeepsValues()
    {
        double[] values = [0, 3, 0, 1];

        Assert.Equal(values, DeviationClustering.SmoothTrailing(values));
    }

    [Fact]
    public void Extrema_WrapAroundAndCollapseRuns()
    {
        double[] values = [0, 2, 1, 3, 3, 0];

        var maxima = DeviationClustering.Maxima(values);
        var minima = DeviationClustering.Minima(values, maxima);

        Assert.Equal([1, 3, 4], maxima);
        Assert.Equal([1, 3], DeviationClustering.CollapseRuns(maxima));
        Assert.Equal([0, 2, 5], minima);
    }

    [Fact]
    public void Pad_AddsFiveEdgesEachSide()
    {
        var padded = DeviationClustering.Pad([0, 0.5, 1]);

        Assert.Equal(13, padded.Length);
        Assert.Equal(-0.5, padded[0], 12);
        Assert.Equal(-0.1, padded[4], 12);
        Assert.Equal(1.1, padded[8], 12);
        Assert.Equal(1.5, padded[^1], 12);
    }

    [Fact]
    public void Cluster_TwoGroups_KeepsAbnormalOnly()
    {
        // Ten normal points at 0 and five at 0.5: Sturges' width 0.5 / (log2 15 + 1) gives
        // ceil(0.5 / 0.1019) = 5 inner bins, so the two groups are separate maxima with empty bins between them.
        var scores = Enumerable.Repeat(0.0, 10).Concat(Enumerable.Repeat(0.5, 5)).ToArray();
        var weights = Enumerable.Repeat(1.0, 15).ToArray();

        var (histogram, clusters) = DeviationClustering.Cluster(scores, weights, scores, 0.2);

        var cluster = Assert.Single(clusters);
        Assert.Equal(0.5, cluster.Min);
        Assert.Equal(0.5, cluster.Max);
        Assert.Equal(0.5, cluster.MeanDeviation, 12);
        Assert.Equal(5, cluster.LeafCount);
        Assert.Equal(16, histogram.BinEdges.Count);
        Assert.Equal(15, histogram.Density.Count);
    }

    [Fact]
    public void Cluster_NoPoints_ReturnsEmpty()
    {
        var (histogram, clusters) = DeviationClustering.Cluster([], [], [], 0.2);

        Assert.Empty(clusters);
        Assert.Empty(histogram.Density);
    }
}
