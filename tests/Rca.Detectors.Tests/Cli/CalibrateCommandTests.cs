using System.Globalization;
using System.Text;
using System.Text.Json;
using Rca.Detectors.Calibration;
using Rca.Detectors.Data;
using Rca.Detectors.Synthetic.Calibration;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class CalibrateCommandTests
{
    /// <summary>Writes four hourly windows over site (5) and device (3) in which site_1 over-predicts by 1.3.</summary>
    private static string WriteAggregates(TempDirectory directory)
    {
        var stream = new CalibrationStreamGenerator(
            new CalibrationStreamOptions { Fields = [new("site", 5), new("device", 3)], WindowCount = 4, MeanImpressionsPerWindow = 500_000 },
            new Random(11))
            .Generate([new CalibrationDrift(AttributeCombination.Parse("site=site_1"), 1.3, 0)]);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CalibrationCsvWriter.WriteAggregates(stream.Windows, writer);
        return directory.Write("ctr.csv", writer.ToString());
    }

    /// <summary>Writes 30 000 raw predictions over sites a, b, c; site c is over-predicted by 1.5.</summary>
    private static string WriteRaw(TempDirectory directory)
    {
        var random = new Random(5);
        var csv = new StringBuilder("prediction,label,site,device\n");
        string[] sites = ["a", "b", "c"];
        for (var i = 0; i < 30_000; i++)
        {
            var rate = 0.02 + (0.1 * random.NextDouble());
            var prediction = sites[i % 3] == "c" ? rate * 1.5 : rate;
            var label = random.NextDouble() < rate ? 1 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{prediction:R},{label},{sites[i % 3]},{(i % 2 == 0 ? "mobile" : "desktop")}\n");
        }

        return directory.Write("raw.csv", csv.ToString());
    }

    [Fact]
    public async Task Text_Aggregates_ShowsFieldsAndSegment()
    {
        using var directory = new TempDirectory();
        var path = WriteAggregates(directory);

        var run = await CliRunner.RunAsync("calibrate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.Out.Split('\n');
        Assert.Equal($"Calibration of {path} (aggregates of model ctr_model_v1, 4 windows pooled, 60 rows):", lines[0]);
        Assert.Matches(@"^Impressions \d+, labels \d+, predicted labels [\d.]+, calibration ratio P/Y 1\.\d{3}, z -\d+\.\d{3}\.$", lines[1]);
        Assert.Matches(@"^Field\s+Field-ECE\s+Field-RCE$", lines[3]);
        Assert.Matches(@"^site\s+0\.\d{6}\s+0\.\d{6}$", lines[5]);
        Assert.Matches(@"^device\s+0\.\d{6}\s+0\.\d{6}$", lines[6]);
        Assert.Equal("Miscalibrated segments (each passes the z-test):", lines[8]);
        Assert.Matches(@"^#\s+Segment\s+Impressions\s+Labels\s+Predicted\s+Ratio P/Y\s+z\s+Correction Y/P$", lines[9]);
        Assert.Matches(@"^1\s+site=site_1\s+\d+\s+\d+\s+[\d.]+\s+1\.(2[5-9]|3[0-5])\d\s+-\d+\.\d{3}\s+0\.7\d\d$", lines[11]);
        Assert.DoesNotContain("Log-loss", run.Out);
    }

    [Fact]
    public async Task Json_Raw_HasScoresAndSegment()
    {
        using var directory = new TempDirectory();
        var path = WriteRaw(directory);

        var run = await CliRunner.RunAsync("calibrate", path, "--format", "json", "--fields", "site");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal(
            ["file", "format", "model", "window_count", "row_count", "impressions", "labels", "prediction_sum", "calibration_ratio", "z",
             "bucket_ece", "log_loss", "brier_score", "auc", "fields", "reliability", "drift_like", "segments"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("raw", root.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("model").ValueKind);
        Assert.Equal(30_000, root.GetProperty("row_count").GetInt32());
        Assert.InRange(root.GetProperty("log_loss").GetDouble(), 0.1, 0.5);
        Assert.InRange(root.GetProperty("brier_score").GetDouble(), 0.03, 0.1);
        Assert.InRange(root.GetProperty("auc").GetDouble(), 0.5, 0.8);
        Assert.True(root.GetProperty("bucket_ece").GetDouble() > 0);
        Assert.Equal(30_000, root.GetProperty("reliability").EnumerateArray().Sum(point => point.GetProperty("impressions").GetDouble()));
        Assert.Equal(["site"], root.GetProperty("fields").EnumerateArray().Select(field => field.GetProperty("field").GetString()));
        Assert.True(root.GetProperty("drift_like").GetBoolean());
        var segment = Assert.Single(root.GetProperty("segments").EnumerateArray());
        Assert.Equal("site=c", segment.GetProperty("segment").GetString());
        Assert.InRange(segment.GetProperty("correction_factor").GetDouble(), 0.6, 0.73);
    }

    [Fact]
    public async Task Text_Raw_ShowsScores()
    {
        using var directory = new TempDirectory();
        var path = WriteRaw(directory);

        var run = await CliRunner.RunAsync("calibrate", path, "--format-in", "raw");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Bucket ECE: 0\.\d{6}\.", run.Out);
        Assert.Matches(@"Log-loss 0\.\d{3}, Brier score 0\.\d{3}, AUC 0\.\d{3}\.", run.Out);
        Assert.Contains("site=c", run.Out);
    }

    [Fact]
    public async Task Text_Chinese_TranslatesHeaders()
    {
        using var directory = new TempDirectory();
        var path = WriteAggregates(directory);

        var run = await CliRunner.RunAsync("calibrate", path, "--lang", "zh-Hans");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"{path} 的校准情况（模型 ctr_model_v1 的聚合数据，合并 4 个窗口，60 行）：", run.Out);
        Assert.Contains("校准失准的分段（均通过 z 检验）：", run.Out);
    }

    [Fact]
    public async Task Calibrated_SaysNoSegments()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("ok.csv", "prediction,label,site\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"0.5,{i / 4 % 2},s{i % 4}\n")));

        var run = await CliRunner.RunAsync("calibrate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No miscalibrated segments: neither the totals nor any single field value fail the z-test.", run.Out);
    }

    public static TheoryData<string, string[], string> BadInputs() => new()
    {
        { "prediction,label,site\n0.2,0,a\n1.5,1,a\n", [], ":3:1: prediction '1.5' is outside [0, 1]. Expected a probability" },
        { "prediction,label,site\n0.2,x,a\n", [], ":2:2: 'x' in column 'label' is not a label. Expected 0 or 1" },
        { "window_start,model,site,impressions,labels,pred_sum\n2026-01-01T00:00:00Z,m,a,10,11,1\n", [], ":2:5: labels = 11 is above impressions = 10. Expected labels ≤ impressions" },
        { "a,b\n1,2\n", [], ":1: the header has neither prediction and label columns" },
        { "prediction,label,site\n0.2,0,a\n", ["--fields", "region"], ": the file has no field column 'region'. Expected fields among: site" },
        { "prediction,label,site\n0.2,0,a\n", ["--format-in", "aggregate"], ":1: missing column" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadFile_ExitsTwoWithOneLine(string content, string[] options, string message)
    {
        using var directory = new TempDirectory();
        var path = directory.Write("bad.csv", content);

        var run = await CliRunner.RunAsync(["calibrate", path, .. options], null, TestContext.Current.CancellationToken);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: " + path + message, line);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "missing.csv");

        var run = await CliRunner.RunAsync("calibrate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + path + ": cannot read the file", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task EmptyFieldInList_ExitsTwo()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("raw.csv", "prediction,label,site\n0.2,0,a\n");

        var run = await CliRunner.RunAsync("calibrate", path, "--fields", "site,,x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --fields expects comma-separated field names without empty entries, got 'site,,x'.", Assert.Single(run.ErrorLines));
    }
}
