using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;

namespace Rca.Detectors.Tests.Evaluation;

public sealed class FixtureDatasetTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    [Fact]
    public void Discover_B0Settings()
    {
        var dataset = EvaluationDataset.Discover(Path.Combine(Fixtures, "b0"));

        Assert.Equal(18, dataset.Cases.Count);
        Assert.Equal("B_cuboid_layer_1_n_ele_1/1450653900", dataset.Cases[0].Id);
        Assert.Equal("B_cuboid_layer_1_n_ele_1", dataset.Cases[0].Folder);
        Assert.Equal("B_cuboid_layer_3_n_ele_3/1450684200", dataset.Cases[17].Id);
        Assert.Equal(9, dataset.Cases.Select(c => c.Folder).Distinct().Count());
        Assert.Equal(
            "a=a2&b=b16&d=d10;a=a4&b=b12&c=c1;a=a4&b=b14&d=d9",
            AttributeCombination.FormatSet(dataset.Cases[16].GroundTruth));
        foreach (var evaluationCase in dataset.Cases)
        {
            var folder = evaluationCase.Folder;
            var layer = folder[^9] - '0';
            var count = folder[^1] - '0';
            Assert.Equal(count, evaluationCase.GroundTruth.Count);
            Assert.All(evaluationCase.GroundTruth, combination => Assert.Equal(layer, combination.Layer));
        }
    }

    [Fact]
    public void Load_B0Case()
    {
        var dataset = EvaluationDataset.Discover(Path.Combine(Fixtures, "b0", "B_cuboid_layer_2_n_ele_2"));

        var table = dataset.Cases[0].Load();

        Assert.Equal(["1450653900", "1450684200"], dataset.Cases.Select(c => c.Id));
        Assert.Equal(21_600, table.LeafCount);
        Assert.Equal(["a", "b", "c", "d"], table.AttributeNames);
        Assert.Equal("a=a5&b=b17&c=c5&d=d1", table.GetLeafCombination(0).ToString());
        Assert.False(dataset.Cases[0].HasExternalGroundTruth(table));
    }

    [Fact]
    public void Discover_RsCases()
    {
        var dataset = EvaluationDataset.Discover(Path.Combine(Fixtures, "rs"));

        Assert.Equal(12, dataset.Cases.Count);
        Assert.All(dataset.Cases, c => Assert.Equal("", c.Folder));
        var byId = dataset.Cases.ToDictionary(c => c.Id);
        Assert.Equal("bitrate=2000;bitrate=500", AttributeCombination.FormatSet(byId["case48_1205_2294432"].GroundTruth));
        Assert.Equal("bitrate=2000&cdn=7&p2p=1", AttributeCombination.FormatSet(byId["2020-08-07+07_59_00"].GroundTruth));
        Assert.Equal("device=adr&p2p=1", AttributeCombination.FormatSet(byId["20200603 064301 17767732"].GroundTruth));
        Assert.Equal([1, 2, 3], dataset.Cases.SelectMany(c => c.GroundTruth).Select(g => g.Layer).Distinct().Order());
    }

    [Fact]
    public void Load_RsCasesAllValid()
    {
        var dataset = EvaluationDataset.Discover(Path.Combine(Fixtures, "rs"));

        foreach (var evaluationCase in dataset.Cases)
        {
            var table = evaluationCase.Load();
            Assert.Equal(MeasureKind.Derived, table.Kind);
            Assert.False(evaluationCase.HasExternalGroundTruth(table), evaluationCase.Id);
            var (actual, forecast) = table.Totals();
            Assert.InRange(actual, 0, 1);
            Assert.InRange(forecast, 0, 1);
        }

        var mixedOrder = dataset.Cases.Single(c => c.Id == "2020-08-07+07_59_00").Load();
        Assert.Equal(["cdn", "bitrate", "p2p", "isp"], mixedOrder.AttributeNames);
        Assert.Contains("联通", mixedOrder.GetAttributeValues(3));
    }
}
