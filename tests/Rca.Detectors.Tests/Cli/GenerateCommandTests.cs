using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class GenerateCommandTests
{
    private static string[] Files(string directory) =>
        [.. Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task SameSeed_IdenticalFiles()
    {
        using var directory = new TempDirectory();
        var first = Path.Combine(directory.Path, "first");
        var second = Path.Combine(directory.Path, "second");

        var run = await CliRunner.RunAsync("generate", "--out", first, "--seed", "42", "--cases", "3", "--dims", "5,4,3");
        await CliRunner.RunAsync("generate", "--out", second, "--seed", "42", "--cases", "3", "--dims", "5,4,3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Wrote 3 cases and injection_info.csv to {first}.\n", run.Out);
        Assert.Equal(["1450653900.csv", "1450654200.csv", "1450654500.csv", "injection_info.csv"], Files(first));
        Assert.Equal(Files(first), Files(second));
        foreach (var name in Files(first))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
        }
    }

    [Fact]
    public async Task OtherSeed_OtherFiles()
    {
        using var directory = new TempDirectory();
        var first = Path.Combine(directory.Path, "first");
        var second = Path.Combine(directory.Path, "second");

        await CliRunner.RunAsync("generate", "--out", first, "--seed", "1", "--cases", "1", "--dims", "5,4,3");
        await CliRunner.RunAsync("generate", "--out", second, "--seed", "2", "--cases", "1", "--dims", "5,4,3");

        Assert.NotEqual(
            File.ReadAllBytes(Path.Combine(first, "1450653900.csv")),
            File.ReadAllBytes(Path.Combine(second, "1450653900.csv")));
    }

    [Fact]
    public async Task Options_ShapeTheCases()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync(
            "generate", "--out", directory.Path, "--seed", "9", "--cases", "4", "--dims", "3,4",
            "--anomalies", "1", "--max-layer", "1", "--severity", "0.5-0.6", "--direction", "up", "--zero-rate", "0", "--noise", "0");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(directory.Path, "1450653900.csv"));
        Assert.Equal("real,predict,a,b", lines[0]);
        Assert.Equal(13, lines.Length);
        var truth = File.ReadAllLines(Path.Combine(directory.Path, "injection_info.csv"));
        Assert.Equal("timestamp,set", truth[0]);
        Assert.Equal(5, truth.Length);
        foreach (var line in truth.Skip(1))
        {
            // One anomaly per case, in layer one: a single name=value pair.
            var set = line.Split(',')[1];
            Assert.Matches("^[ab]=[ab][0-9]$", set);
        }
    }

    [Fact]
    public async Task BadDims_ExitsTwo()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("generate", "--out", directory.Path, "--seed", "1", "--dims", "3,0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: Invalid --dims '3,0': expected comma-separated whole numbers of at least 1, such as 10,12,10,8,5.",
             "Run 'rca generate --help' for the usage."],
            run.ErrorLines);
    }

    [Fact]
    public async Task BadSeverity_ExitsTwo()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("generate", "--out", directory.Path, "--seed", "1", "--severity", "0.9-0.2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Invalid --severity '0.9-0.2': expected a number or a range MIN-MAX with MIN <= MAX.", run.ErrorLines[0]);
    }

    [Fact]
    public async Task GeneratorRule_ExitsTwo()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("generate", "--out", directory.Path, "--seed", "1", "--max-layer", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: Invalid generator options: MaxLayer must be at least 1."], run.ErrorLines);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }
}
