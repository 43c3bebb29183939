using System.Text.Json;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class EvaluateCommandTests
{
    private static async Task<string> GenerateAsync(TempDirectory directory, string folder, int seed, int cases)
    {
        var path = Path.Combine(directory.Path, folder);
        var run = await CliRunner.RunAsync(
            "generate", "--out", path, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--cases", cases.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dims", "6,5,4,3");
        Assert.Equal(0, run.ExitCode);
        return path;
    }

    [Fact]
    public async Task Json_HasRequiredKeysOnly()
    {
        using var directory = new TempDirectory();
        var data = await GenerateAsync(directory, "set", seed: 3, cases: 6);

        var run = await CliRunner.RunAsync("evaluate", data, "--format", "json", "--threads", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal(
            ["cases", "tp", "fp", "fn", "precision", "recall", "f1", "seconds_mean", "seconds_p95", "predictions"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(6, root.GetProperty("cases").GetInt32());
        var predictions = root.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(6, predictions.Length);
        Assert.Equal(
            ["1450653900", "1450654200", "1450654500", "1450654800", "1450655100", "1450655400"],
            predictions.Select(prediction => prediction.GetProperty("case").GetString()));
        foreach (var prediction in predictions)
        {
            Assert.Equal(["case", "root_cause", "external"], prediction.EnumerateObject().Select(property => property.Name));
            Assert.Equal(JsonValueKind.String, prediction.GetProperty("root_cause").ValueKind);
            Assert.True(prediction.GetProperty("external").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        var tp = root.GetProperty("tp").GetInt32();
        var fp = root.GetProperty("fp").GetInt32();
        var fn = root.GetProperty("fn").GetInt32();
        Assert.True(tp > 0);
        Assert.Equal(2.0 * tp / ((2 * tp) + fp + fn), root.GetProperty("f1").GetDouble(), 12);
    }

    [Fact]
    public async Task Threads_DoNotChangePredictions()
    {
        using var directory = new TempDirectory();
        var data = await GenerateAsync(directory, "set", seed: 5, cases: 6);

        var singleThread = await CliRunner.RunAsync("evaluate", data, "--format", "json", "--threads", "1");
        var twoThreads = await CliRunner.RunAsync("evaluate", data, "--format", "json", "--threads", "2");

        Assert.Equal(0, singleThread.ExitCode);
        Assert.Equal(0, twoThreads.ExitCode);
        using var first = JsonDocument.Parse(singleThread.Out);
        using var second = JsonDocument.Parse(twoThreads.Out);
        foreach (var key in new[] { "cases", "tp", "fp", "fn", "precision", "recall", "f1", "predictions" })
        {
            Assert.Equal(first.RootElement.GetProperty(key).GetRawText(), second.RootElement.GetProperty(key).GetRawText());
        }
    }

    [Fact]
    public async Task Text_HasRowPerFolderAndTotals()
    {
        using var directory = new TempDirectory();
        await GenerateAsync(directory, "x", seed: 1, cases: 2);
        await GenerateAsync(directory, "y", seed: 2, cases: 3);

        var json = await CliRunner.RunAsync("evaluate", directory.Path, "--format", "json", "--threads", "2");
        var text = await CliRunner.RunAsync("evaluate", directory.Path, "--threads", "2");

        Assert.Equal(0, text.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        var lines = text.Out.Split('\n');
        Assert.Equal($"Evaluation of PSqueeze on {directory.Path} (5 cases):", lines[0]);
        Assert.Matches(@"^Folder\s+Cases\s+TP\s+FP\s+FN\s+Precision\s+Recall\s+F1\s+Mean s\s+External threshold$", lines[1]);
        Assert.Matches(@"^x\s+2\s", lines[3]);
        Assert.Matches(@"^y\s+3\s", lines[4]);
        var totals = lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("(all)", totals[0]);
        Assert.Equal("5", totals[1]);
        Assert.Equal(root.GetProperty("tp").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), totals[2]);
        Assert.Equal(root.GetProperty("fp").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), totals[3]);
        Assert.Equal(root.GetProperty("fn").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), totals[4]);
        Assert.Equal(root.GetProperty("f1").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), totals[7]);
        Assert.Matches(@"Time per case \(localization only\): mean \d+\.\d{4} s, p95 \d+\.\d{4} s\. Peak working set: \d+ MiB\.", text.Out);
    }

    [Fact]
    public async Task Canceled_ExitsWith130()
    {
        using var directory = new TempDirectory();
        var data = await GenerateAsync(directory, "set", seed: 3, cases: 2);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var run = await CliRunner.RunAsync(["evaluate", data], null, cancellation.Token);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(["Canceled."], run.ErrorLines);
        Assert.Equal(string.Empty, run.Out);
    }
}
