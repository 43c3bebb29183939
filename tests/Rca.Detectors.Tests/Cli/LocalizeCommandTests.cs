using System.Text.Json;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class LocalizeCommandTests
{
    [Fact]
    public async Task Text_ShowsRootCauseRow()
    {
        using var directory = new TempDirectory();
        var path = CliCaseFiles.WriteFundamental(directory);

        var run = await CliRunner.RunAsync("localize", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.Out.Split('\n');
        Assert.StartsWith($"Root-cause sets of {path} (PSqueeze, fundamental measure):", lines[0]);
        Assert.Matches(@"^#\s+Root cause\s+Layer\s+GPS\s+Explanatory power\s+Actual\s+Forecast\s+Impact\s+Cluster leaves$", lines[1]);
        Assert.Matches(@"^1\s+a=a2\s+1\s+0\.9\d\d\s+1\.000\s+582\s+1969\s", lines[3]);
        Assert.Contains("Leaves: 60 valid, 15 after the anomaly-amount filter. Abnormal clusters: 2.", run.Out);
        Assert.Matches(@"Time: filter \d+\.\d{4} s, clustering \d+\.\d{4} s, search \d+\.\d{4} s, total \d+\.\d{4} s\.", run.Out);
    }

    [Fact]
    public async Task Json_HasFullResult()
    {
        using var directory = new TempDirectory();
        var path = CliCaseFiles.WriteFundamental(directory);

        var run = await CliRunner.RunAsync("localize", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal(
            ["file", "algorithm", "measure", "leaf_count", "valid_leaf_count", "filtered_leaf_count", "cluster_count",
             "min_gps", "external", "external_threshold", "root_cause", "root_cause_sets", "clusters", "timings"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.Equal("psqueeze", root.GetProperty("algorithm").GetString());
        Assert.Equal("fundamental", root.GetProperty("measure").GetString());
        Assert.Equal(60, root.GetProperty("leaf_count").GetInt32());
        Assert.Equal(60, root.GetProperty("valid_leaf_count").GetInt32());
        Assert.Equal(15, root.GetProperty("filtered_leaf_count").GetInt32());
        Assert.Equal(2, root.GetProperty("cluster_count").GetInt32());
        Assert.Equal(CliCaseFiles.RootCause, root.GetProperty("root_cause").GetString());
        Assert.False(root.GetProperty("external").GetBoolean());

        var set = Assert.Single(root.GetProperty("root_cause_sets").EnumerateArray());
        Assert.Equal(
            ["root_cause", "combinations", "cuboid", "layer", "gps", "rank", "cluster_mean_deviation",
             "explanatory_power", "impact", "actual", "forecast", "cluster_leaf_count"],
            set.EnumerateObject().Select(property => property.Name));
        Assert.Equal(["a=a2"], set.GetProperty("combinations").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(["a"], set.GetProperty("cuboid").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(1, set.GetProperty("layer").GetInt32());
        Assert.InRange(set.GetProperty("gps").GetDouble(), 0.9, 1.0);
        Assert.Equal(root.GetProperty("min_gps").GetDouble(), set.GetProperty("gps").GetDouble());
        Assert.Equal(582, set.GetProperty("actual").GetDouble());
        Assert.Equal(1969, set.GetProperty("forecast").GetDouble());
        Assert.Equal(15, set.GetProperty("cluster_leaf_count").GetInt32());

        var timings = root.GetProperty("timings");
        Assert.Equal(
            ["filter_seconds", "clustering_seconds", "search_seconds", "total_seconds"],
            timings.EnumerateObject().Select(property => property.Name));
        Assert.True(timings.GetProperty("total_seconds").GetDouble() >= timings.GetProperty("search_seconds").GetDouble());
    }

    [Fact]
    public async Task Derived_ReadsPairFromStem()
    {
        using var directory = new TempDirectory();
        var stem = CliCaseFiles.WriteDerived(directory);

        var run = await CliRunner.RunAsync("localize", stem, "--derived", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(stem + ".a.csv", document.RootElement.GetProperty("file").GetString());
        Assert.Equal("derived", document.RootElement.GetProperty("measure").GetString());
        Assert.Equal(CliCaseFiles.RootCause, document.RootElement.GetProperty("root_cause").GetString());
    }

    [Fact]
    public async Task Derived_RejectsPlainCsv()
    {
        using var directory = new TempDirectory();
        var path = CliCaseFiles.WriteFundamental(directory);

        var run = await CliRunner.RunAsync("localize", path, "--derived");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"error: --derived expects FILE to be a .a.csv file or its stem, got '{path}'."], run.ErrorLines);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Squeeze_FindsSameRootCause()
    {
        using var directory = new TempDirectory();
        var path = CliCaseFiles.WriteFundamental(directory);

        var run = await CliRunner.RunAsync("localize", path, "--algorithm", "squeeze", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("squeeze", document.RootElement.GetProperty("algorithm").GetString());
        Assert.Equal(CliCaseFiles.RootCause, document.RootElement.GetProperty("root_cause").GetString());

        // Squeeze does not widen the cluster to the shifted points, so it keeps fewer leaves.
        var set = Assert.Single(document.RootElement.GetProperty("root_cause_sets").EnumerateArray());
        Assert.True(set.GetProperty("cluster_leaf_count").GetInt32() < 15);
    }

    [Fact]
    public async Task B0Case_FindsInjectedRootCause()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "b0", "B_cuboid_layer_3_n_ele_1", "1450684200.csv");

        var run = await CliRunner.RunAsync("localize", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(21_600, document.RootElement.GetProperty("leaf_count").GetInt32());
        Assert.Equal("a=a3&b=b11&d=d10", document.RootElement.GetProperty("root_cause").GetString());
        var set = Assert.Single(document.RootElement.GetProperty("root_cause_sets").EnumerateArray());
        Assert.Equal(3, set.GetProperty("layer").GetInt32());
    }

    [Fact]
    public async Task B0Folder_EvaluatesEveryCase()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "b0");

        var run = await CliRunner.RunAsync("evaluate", path, "--format", "json", "--threads", "2");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(18, document.RootElement.GetProperty("cases").GetInt32());
        var predictions = document.RootElement.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(18, predictions.Length);
        Assert.Equal("B_cuboid_layer_1_n_ele_1/1450653900", predictions[0].GetProperty("case").GetString());
        Assert.Equal("d=d8", predictions[0].GetProperty("root_cause").GetString());
    }
}
