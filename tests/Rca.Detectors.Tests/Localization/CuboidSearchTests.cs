using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class CuboidSearchTests
{
    [Fact]
    public void Search_PartialRipple_ComputesGps()
    {
        // Leaves (a1,b1) 100→50 and (a1,b2) 100→60 form the cluster; (a2,·) are normal.
        // S1 = a=a1: v(S1)/f(S1) = 110/200, so the expected actuals are 55 and 55 and the ripple
        // error is (5 + 5) / 2 = 5. Against |v − f| of (50 + 40) / 2 = 45 inside and 0 outside:
        // GPS = 1 − (5 + 0) / (45 + 0) = 8/9.
        var builder = new LeafTableBuilder(["a", "b"], MeasureKind.Fundamental);
        builder.Add(["a1", "b1"], 50, 100);
        builder.Add(["a1", "b2"], 60, 100);
        builder.Add(["a2", "b1"], 100, 100);
        builder.Add(["a2", "b2"], 100, 100);
        var table = builder.Build();
        var sample = LeafSample.Create(table, new PSqueezeOptions());
        var absoluteError = new double[sample.Count];
        for (var leaf = 0; leaf < sample.Count; leaf++)
        {
            absoluteError[leaf] = Math.Abs(sample.Actual[leaf] - sample.Forecast[leaf]);
        }

        var cuboid = new Cuboid(0, [0], table, sample.Codes);
        cuboid.CountDescendants(sample.Count);
        var cluster = new ClusterLeaves(new DeviationCluster(0.25, 0.34, 0.29, 2), [0, 1], [1, 1], 6);

        var answer = CuboidSearch.Search(cuboid, cluster, [0, 1, 2, 3], 90, sample, absoluteError, 12, (_, _, _) => 0);

        Assert.NotNull(answer);
        Assert.Equal(8.0 / 9, answer.Gps, 12);
        Assert.Equal("a=a1", cuboid.Decode(Assert.Single(answer.Keys), table).ToString());
    }

    [Fact]
    public void Search_OneElementCuboid_HasNoCandidate()
    {
        // K = min(elements, 12, distinct elements − 1) = 0 when the cuboid has a single value.
        var builder = new LeafTableBuilder(["a", "b"], MeasureKind.Fundamental);
        builder.Add(["a1", "b1"], 50, 100);
        builder.Add(["a1", "b2"], 100, 100);
        var table = builder.Build();
        var sample = LeafSample.Create(table, new PSqueezeOptions());
        var cuboid = new Cuboid(0, [0], table, sample.Codes);
        cuboid.CountDescendants(sample.Count);
        var cluster = new ClusterLeaves(new DeviationCluster(0.3, 0.34, 0.33, 1), [0], [1], 3);

        var answer = CuboidSearch.Search(cuboid, cluster, [0, 1], 50, sample, [50, 0], 12, (_, _, _) => 0);

        Assert.Null(answer);
    }
}
