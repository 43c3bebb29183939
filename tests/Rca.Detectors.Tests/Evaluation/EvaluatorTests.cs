using System.Collections.Concurrent;
using System.Text.Json;
using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;
using Rca.Detectors.Localization;
using Rca.Detectors.Synthetic;

namespace Rca.Detectors.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static LeafTable Table(params string[] attributes)
    {
        var builder = new LeafTableBuilder(attributes, MeasureKind.Fundamental);
        builder.Add(attributes.Select(name => name + "1").ToArray(), 1, 2);
        return builder.Build();
    }

    // Three hand-made cases with scripted localizer results, keyed by table instance.
    private static (List<EvaluationCase> Cases, Func<LeafTable, CancellationToken, LocalizationResult> Localize) Scenario()
    {
        var first = Table("a", "b");
        var second = Table("a", "b");
        var third = Table("a", "b");
        var results = new Dictionary<LeafTable, LocalizationResult>
        {
            [first] = LocalizationResults.Of(("a=a1", 0.95)),
            [second] = LocalizationResults.Of(("a=a2", 0.9), ("a=a3", 0.5)),
            [third] = LocalizationResults.Of(),
        };
        var cases = new List<EvaluationCase>
        {
            new("s/1", "s", AttributeCombination.ParseSet("a=a1"), () => first),
            new("s/2", "s", AttributeCombination.ParseSet("b=b1;a=a2;b=b1"), () => second),
            new("t/3", "t", AttributeCombination.ParseSet("c=c1"), () => third),
        };
        return (cases, (table, _) => results[table]);
    }

    [Fact]
    public void Evaluate_ScoresHandMadeCases()
    {
        var (cases, localize) = Scenario();

        var report = Evaluator.Evaluate(cases, localize, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, report.CaseCount);
        Assert.Equal(new MatchScore(2, 1, 2), report.Score);
        Assert.Equal(2.0 / 3, report.Score.Precision);
        Assert.Equal(0.5, report.Score.Recall);
        Assert.Equal(4.0 / 7, report.Score.F1);

        Assert.Equal(["s/1", "s/2", "t/3"], report.Cases.Select(result => result.Id));
        Assert.Equal("a=a1", report.Cases[0].RootCause);
        Assert.Equal("a=a2;a=a3", report.Cases[1].RootCause);
        Assert.Equal("", report.Cases[2].RootCause);
        Assert.Equal(new MatchScore(1, 1, 1), report.Cases[1].Score);
        Assert.Equal(0.5, report.Cases[1].MinGps);
        Assert.True(double.IsNaN(report.Cases[2].MinGps));
        Assert.Equal(2, report.Cases[1].RootCauseSetCount);
    }

    [Fact]
    public void Evaluate_ExternalFlags()
    {
        var (cases, localize) = Scenario();

        var report = Evaluator.Evaluate(cases, localize, cancellationToken: TestContext.Current.CancellationToken);

        // The second case's minimum GPS 0.5 is below 0.8, but its two sets explain the whole change.
        Assert.Equal([false, false, true], report.Cases.Select(result => result.External));
        Assert.Equal([false, false, true], report.Cases.Select(result => result.ExternalGroundTruth));
        Assert.Equal(new MatchScore(1, 0, 0), report.ExternalScore);
        Assert.Equal(EvaluationOptions.DefaultExternalThreshold, report.Cases[0].ExternalThreshold);
    }

    [Fact]
    public void Evaluate_FolderRowsAndThresholds()
    {
        var (cases, localize) = Scenario();
        var seen = new ConcurrentDictionary<int, double[]>();
        var options = new EvaluationOptions
        {
            ExternalThreshold = minGps =>
            {
                seen[seen.Count] = [.. minGps];
                return minGps.Count == 2 ? 0.4 : 0.8;
            },
        };

        var report = Evaluator.Evaluate(cases, localize, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0.95, 0.5], seen[0]);
        Assert.Empty(seen[1]);
        Assert.Equal(2, report.Folders.Count);
        Assert.Equal("s", report.Folders[0].Folder);
        Assert.Equal(2, report.Folders[0].CaseCount);
        Assert.Equal(new MatchScore(2, 1, 1), report.Folders[0].Score);
        Assert.Equal(0.4, report.Folders[0].ExternalThreshold);
        Assert.Null(report.Folders[0].ExternalScore);
        Assert.Equal("t", report.Folders[1].Folder);
        Assert.Equal(new MatchScore(0, 0, 1), report.Folders[1].Score);
        Assert.Equal(new MatchScore(1, 0, 0), report.Folders[1].ExternalScore);
        Assert.Equal([false, false, true], report.Cases.Select(result => result.External));
    }

    [Fact]
    public void Evaluate_ReportsProgress()
    {
        var (cases, localize) = Scenario();
        var progress = new RecordingProgress();

        Evaluator.Evaluate(cases, localize, new EvaluationOptions { Threads = 2 }, progress, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], progress.Values.Order());
    }

    [Fact]
    public void Evaluate_LoadError_Propagates()
    {
        var (cases, localize) = Scenario();
        cases.Insert(1, new EvaluationCase("s/bad", "s", [], () => throw new InvalidDataFileException("s/bad.csv", 4, 2, "broken")));

        var error = Assert.Throws<InvalidDataFileException>(
            () => Evaluator.Evaluate(cases, localize, new EvaluationOptions { Threads = 2 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("s/bad.csv:4:2: broken", error.Message);
    }

    [Fact]
    public void Evaluate_FirstErrorInCaseOrder()
    {
        var (cases, localize) = Scenario();
        for (var i = 0; i < 8; i++)
        {
            var id = $"u/{i}";
            cases.Add(new EvaluationCase(id, "u", [], () => throw new InvalidDataFileException(id + ".csv", 1, null, "broken")));
        }

        var error = Assert.Throws<InvalidDataFileException>(
            () => Evaluator.Evaluate(cases, localize, new EvaluationOptions { Threads = 2 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("u/0.csv", error.Path);
    }

    [Fact]
    public void Evaluate_LocalizerError_NamesCase()
    {
        var (cases, _) = Scenario();

        var error = Assert.Throws<InvalidOperationException>(
            () => Evaluator.Evaluate(cases, (_, _) => throw new ArithmeticException("boom"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Localizing case s/1 failed: boom", error.Message);
        Assert.IsType<ArithmeticException>(error.InnerException);
    }

    [Fact]
    public void WriteJson_HasExactShape()
    {
        var (cases, localize) = Scenario();
        var report = Evaluator.Evaluate(cases, localize, cancellationToken: TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(report.ToJson());
        var root = document.RootElement;

        Assert.Equal(
            ["cases", "tp", "fp", "fn", "precision", "recall", "f1", "seconds_mean", "seconds_p95", "predictions"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(3, root.GetProperty("cases").GetInt32());
        Assert.Equal(2, root.GetProperty("tp").GetInt32());
        Assert.Equal(1, root.GetProperty("fp").GetInt32());
        Assert.Equal(2, root.GetProperty("fn").GetInt32());
        Assert.Equal(4.0 / 7, root.GetProperty("f1").GetDouble());
        var second = root.GetProperty("predictions")[1];
        Assert.Equal(["case", "root_cause", "external"], second.EnumerateObject().Select(property => property.Name));
        Assert.Equal("s/2", second.GetProperty("case").GetString());
        Assert.Equal("a=a2;a=a3", second.GetProperty("root_cause").GetString());
        Assert.False(second.GetProperty("external").GetBoolean());
    }

    [Fact]
    public void WriteJson_DetailsUnderOneKey()
    {
        var (cases, localize) = Scenario();
        var report = Evaluator.Evaluate(cases, localize, cancellationToken: TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(report.ToJson(includeDetails: true));
        var root = document.RootElement;
        var details = root.GetProperty("details");

        Assert.Equal(11, root.EnumerateObject().Count());
        Assert.Equal(1, details.GetProperty("external").GetProperty("tp").GetInt32());
        Assert.Equal("t", details.GetProperty("folders")[1].GetProperty("folder").GetString());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("cases")[2].GetProperty("min_gps").ValueKind);
        Assert.Equal("a=a2;b=b1", details.GetProperty("cases")[1].GetProperty("ground_truth").GetString());
    }

    // A stand-in for a localizer: the layer-1 value with the largest forecast − actual gap, with a GPS
    // that varies between cases so the external flag does too.
    private static LocalizationResult LargestLayerOneGap(LeafTable table, CancellationToken cancellationToken)
    {
        var best = (Gap: 0.0, Text: "");
        var total = 0.0;
        for (var attribute = 0; attribute < table.AttributeCount; attribute++)
        {
            var gaps = new double[table.GetAttributeValues(attribute).Count];
            var codes = table.GetCodes(attribute);
            for (var leaf = 0; leaf < table.LeafCount; leaf++)
            {
                gaps[codes[leaf]] += table.Forecast[leaf] - table.Actual[leaf];
            }

            for (var value = 0; value < gaps.Length; value++)
            {
                total += Math.Abs(gaps[value]);
                if (gaps[value] > best.Gap)
                {
                    best = (gaps[value], $"{table.AttributeNames[attribute]}={table.GetAttributeValues(attribute)[value]}");
                }
            }
        }

        return best.Text.Length == 0 ? LocalizationResults.Of() : LocalizationResults.Of((best.Text, best.Gap / total * table.AttributeCount));
    }

    [Fact]
    public void Evaluate_SameReportAnyThreads()
    {
        var options = new LabelledDatasetOptions { Dimensions = [6, 5, 4], MaxLayer = 1, MinAnomalies = 1, MaxAnomalies = 1 };
        var random = new Random(11);
        var cases = new List<EvaluationCase>();
        for (var i = 0; i < 12; i++)
        {
            var generated = LabelledDatasetGenerator.GenerateCase(options, random);
            cases.Add(new EvaluationCase($"f{i % 3}/{i}", $"f{i % 3}", generated.GroundTruth, () => generated.Table));
        }

        var single = Evaluator.Evaluate(cases, LargestLayerOneGap, new EvaluationOptions { Threads = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var parallel = Evaluator.Evaluate(cases, LargestLayerOneGap, new EvaluationOptions { Threads = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(single.Score, parallel.Score);
        Assert.True(single.Score.TruePositives > 0);
        Assert.Equal(single.Cases.Select(c => (c.Id, c.RootCause, c.External, c.MinGps)), parallel.Cases.Select(c => (c.Id, c.RootCause, c.External, c.MinGps)));
        Assert.Equal(single.Folders.Select(f => (f.Folder, f.Score)), parallel.Folders.Select(f => (f.Folder, f.Score)));
        using var singleJson = JsonDocument.Parse(single.ToJson());
        using var parallelJson = JsonDocument.Parse(parallel.ToJson());
        Assert.Equal(singleJson.RootElement.GetProperty("predictions").GetRawText(), parallelJson.RootElement.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public void Percentile_InterpolatesBetweenRanks()
    {
        Assert.Equal(3.85, EvaluationReportBuilder.Percentile([4, 1, 3, 2], 0.95), 12);
        Assert.Equal(7.0, EvaluationReportBuilder.Percentile([7], 0.95));
        Assert.Equal(0.0, EvaluationReportBuilder.Percentile([], 0.95));
    }

    private sealed class RecordingProgress : IProgress<int>
    {
        public ConcurrentQueue<int> Values { get; } = new();

        public void Report(int value) => Values.Enqueue(value);
    }
}
