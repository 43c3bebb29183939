using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;
using Rca.Detectors.Synthetic;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Synthetic;

public sealed class LabelledDatasetGeneratorTests
{
    private static readonly LabelledDatasetOptions Small = new() { Dimensions = [4, 5, 3, 2], Cases = 3, Seed = 7 };

    private static bool IsDescendant(LeafTable table, int leaf, AttributeCombination combination)
    {
        foreach (var pair in combination.Pairs)
        {
            var attribute = table.IndexOfAttribute(pair.Key);
            if (table.GetAttributeValues(attribute)[table.GetCodes(attribute)[leaf]] != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void GenerateCase_LeafGridOfDimensions()
    {
        var generated = LabelledDatasetGenerator.GenerateCase(new LabelledDatasetOptions(), new Random(1));
        var table = generated.Table;

        Assert.Equal(48_000, table.LeafCount);
        Assert.Equal(["a", "b", "c", "d", "e"], table.AttributeNames);
        Assert.Equal(12, table.GetAttributeValues(1).Count);
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], table.GetAttributeValues(4));
        Assert.Equal(["a1", "a10", "a2"], table.GetAttributeValues(0).Take(3));
        var distinct = new HashSet<AttributeCombination>();
        for (var leaf = 0; leaf < table.LeafCount; leaf += 97)
        {
            Assert.True(distinct.Add(table.GetLeafCombination(leaf)));
        }
    }

    [Fact]
    public void GenerateCase_ZeroShareNearRate()
    {
        var table = LabelledDatasetGenerator.GenerateCase(new LabelledDatasetOptions(), new Random(2)).Table;

        var zeros = 0;
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            zeros += table.Forecast[leaf] == 0 ? 1 : 0;
        }

        Assert.InRange(zeros / (double)table.LeafCount, 0.38, 0.42);
    }

    [Fact]
    public void GenerateCase_AnomaliesFollowRippleEffect()
    {
        var options = new LabelledDatasetOptions { ForecastNoise = 0, MinAnomalies = 3, MaxAnomalies = 3, Direction = AnomalyDirection.Random };

        for (var seed = 0; seed < 5; seed++)
        {
            var generated = LabelledDatasetGenerator.GenerateCase(options, new Random(seed));
            var table = generated.Table;

            Assert.Equal(3, generated.Anomalies.Count);
            Assert.Equal(3, generated.GroundTruth.Distinct().Count());
            foreach (var anomaly in generated.Anomalies)
            {
                Assert.InRange(anomaly.Combination.Layer, 1, 3);
                Assert.InRange(anomaly.Severity, 0.2, 0.9);
                Assert.Equal(anomaly.Direction == AnomalyDirection.Down ? 1 - anomaly.Severity : 1 + anomaly.Severity, anomaly.Factor);
            }

            var nonZero = new int[generated.Anomalies.Count];
            var descendants = new int[generated.Anomalies.Count];
            for (var leaf = 0; leaf < table.LeafCount; leaf++)
            {
                var owner = -1;
                for (var i = 0; i < generated.Anomalies.Count; i++)
                {
                    if (IsDescendant(table, leaf, generated.Anomalies[i].Combination))
                    {
                        Assert.Equal(-1, owner);
                        owner = i;
                    }
                }

                var expected = owner < 0 ? table.Forecast[leaf] : table.Forecast[leaf] * generated.Anomalies[owner].Factor;
                Assert.Equal(expected, table.Actual[leaf]);
                if (owner >= 0)
                {
                    descendants[owner]++;
                    nonZero[owner] += table.Forecast[leaf] > 0 ? 1 : 0;
                }
            }

            for (var i = 0; i < generated.Anomalies.Count; i++)
            {
                Assert.Equal(generated.Anomalies[i].LeafCount, descendants[i]);
                Assert.True(nonZero[i] > 0, $"anomaly {generated.Anomalies[i].Combination} has no non-zero leaf");
            }
        }
    }

    [Fact]
    public void GenerateCase_DerivedScalesRatios()
    {
        var options = new LabelledDatasetOptions { Dimensions = [5, 4, 3], Derived = true, ForecastNoise = 0, MinAnomalies = 2, MaxAnomalies = 2 };

        var generated = LabelledDatasetGenerator.GenerateCase(options, new Random(4));
        var table = generated.Table;

        Assert.Equal(MeasureKind.Derived, table.Kind);
        Assert.Equal(60, table.LeafCount);
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            Assert.Equal(table.ForecastDenominator[leaf], table.ActualDenominator[leaf]);
            var owner = generated.Anomalies.FirstOrDefault(anomaly => IsDescendant(table, leaf, anomaly.Combination));
            var expected = table.ForecastValue(leaf) * (owner?.Factor ?? 1);
            Assert.Equal(expected, table.ActualValue(leaf), 12);
            if (table.ForecastDenominator[leaf] > 0)
            {
                Assert.InRange(table.ForecastValue(leaf), 0.2, 0.8);
            }
        }
    }

    [Fact]
    public void Write_DerivedPairsRoundTrip()
    {
        using var folder = new TempDirectory();
        var options = Small with { Derived = true, Cases = 2 };

        var paths = LabelledDatasetGenerator.Write(folder.Path, options, cancellationToken: TestContext.Current.CancellationToken);
        var expected = LabelledDatasetGenerator.GenerateCase(options, new Random(options.Seed));
        var dataset = EvaluationDataset.Discover(folder.Path);
        var table = dataset.Cases[0].Load();

        Assert.Equal(["1450653900.a.csv", "1450653900.b.csv", "1450654200.a.csv", "1450654200.b.csv", "injection_info.csv"], paths.Select(Path.GetFileName));
        Assert.Equal(["1450653900", "1450654200"], dataset.Cases.Select(c => c.Id));
        Assert.Equal(MeasureKind.Derived, table.Kind);
        Assert.Equal(expected.Table.Actual.ToArray(), table.Actual.ToArray());
        Assert.Equal(expected.Table.ForecastDenominator.ToArray(), table.ForecastDenominator.ToArray());
        Assert.Equal(expected.GroundTruth, dataset.Cases[0].GroundTruth);
    }

    [Fact]
    public void GenerateCase_UpRaisesActuals()
    {
        var options = new LabelledDatasetOptions { Dimensions = [6, 6], Direction = AnomalyDirection.Up, MaxLayer = 1, ForecastNoise = 0 };

        var generated = LabelledDatasetGenerator.GenerateCase(options, new Random(3));

        Assert.All(generated.Anomalies, anomaly => Assert.Equal(AnomalyDirection.Up, anomaly.Direction));
        Assert.All(generated.Anomalies, anomaly => Assert.True(anomaly.Factor > 1));
        Assert.All(generated.Anomalies, anomaly => Assert.Equal(1, anomaly.Combination.Layer));
    }

    [Fact]
    public void GenerateCase_InvalidOptions_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => LabelledDatasetGenerator.GenerateCase(new LabelledDatasetOptions { ZeroRate = 1 }, new Random(1)));

        Assert.Contains("ZeroRate must be in [0, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateCase_ImpossibleAnomalies_Throws()
    {
        var options = new LabelledDatasetOptions { Dimensions = [2], MinAnomalies = 3, MaxAnomalies = 3, ZeroRate = 0 };

        var error = Assert.Throws<InvalidOperationException>(() => LabelledDatasetGenerator.GenerateCase(options, new Random(1)));

        Assert.Contains("Could not place anomaly 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameSeedSameBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var third = new TempDirectory();

        var paths = LabelledDatasetGenerator.Write(first.Path, Small, cancellationToken: TestContext.Current.CancellationToken);
        LabelledDatasetGenerator.Write(second.Path, Small, cancellationToken: TestContext.Current.CancellationToken);
        LabelledDatasetGenerator.Write(third.Path, Small with { Seed = 8 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, paths.Count);
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(second.Path, name)));
        }

        Assert.NotEqual(File.ReadAllBytes(paths[0]), File.ReadAllBytes(Path.Combine(third.Path, Path.GetFileName(paths[0]))));
    }

    [Fact]
    public void Write_RoundTripsThroughReaders()
    {
        using var folder = new TempDirectory();
        LabelledDatasetGenerator.Write(folder.Path, Small, cancellationToken: TestContext.Current.CancellationToken);
        var random = new Random(Small.Seed);
        var expected = Enumerable.Range(0, Small.Cases).Select(_ => LabelledDatasetGenerator.GenerateCase(Small, random)).ToList();

        var dataset = EvaluationDataset.Discover(folder.Path);

        Assert.Equal(["1450653900", "1450654200", "1450654500"], dataset.Cases.Select(c => c.Id));
        for (var i = 0; i < Small.Cases; i++)
        {
            var table = dataset.Cases[i].Load();
            Assert.Equal(expected[i].GroundTruth, dataset.Cases[i].GroundTruth);
            Assert.Equal(expected[i].Table.LeafCount, table.LeafCount);
            Assert.Equal(expected[i].Table.Actual.ToArray(), table.Actual.ToArray());
            Assert.Equal(expected[i].Table.Forecast.ToArray(), table.Forecast.ToArray());
            Assert.Equal(expected[i].Table.GetCodes(2).ToArray(), table.GetCodes(2).ToArray());
            Assert.Equal(expected[i].Table.GetAttributeValues(1), table.GetAttributeValues(1));
        }
    }

    [Fact]
    public void Write_NumbersInPythonStyle()
    {
        using var folder = new TempDirectory();
        var paths = LabelledDatasetGenerator.Write(folder.Path, Small with { Cases = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        var lines = File.ReadAllLines(paths[0]);

        Assert.Equal("real,predict,a,b,c,d", lines[0]);
        Assert.Equal(121, lines.Length);
        Assert.Contains(lines, line => line.StartsWith("0.0,0.0,", StringComparison.Ordinal));
        Assert.Equal("timestamp,set", File.ReadAllLines(paths[1])[0]);
    }

    [Fact]
    public void Write_ReportsProgressPerCase()
    {
        using var folder = new TempDirectory();
        var reported = new List<int>();

        LabelledDatasetGenerator.Write(folder.Path, Small, new SynchronousProgress(reported.Add), TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, Small.Cases), reported);
    }

    [Fact]
    public void Write_Canceled_WritesNoGroundTruth()
    {
        using var folder = new TempDirectory();
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        Assert.Throws<OperationCanceledException>(() => { LabelledDatasetGenerator.Write(folder.Path, Small, cancellationToken: canceled.Token); });
        Assert.False(File.Exists(Path.Combine(folder.Path, LabelledDatasetGenerator.InjectionInfoFileName)));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
