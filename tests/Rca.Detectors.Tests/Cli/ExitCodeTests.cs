using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task UnknownAlgorithm_ExitsTwo()
    {
        using var directory = new TempDirectory();
        var path = CliCaseFiles.WriteFundamental(directory);

        var run = await CliRunner.RunAsync("localize", path, "--algorithm", "dice");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith("error: Argument 'dice' not recognized. Must be one of:", run.ErrorLines[0]);
        Assert.Contains("'psqueeze'", run.ErrorLines[0]);
        Assert.Contains("'squeeze'", run.ErrorLines[0]);
        Assert.Equal("Run 'rca localize --help' for the usage.", run.ErrorLines[1]);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task ZeroThreads_ExitsTwo()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("evaluate", directory.Path, "--threads", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: Invalid --threads 0: expected a whole number of at least 1.", "Run 'rca evaluate --help' for the usage."],
            run.ErrorLines);
    }

    [Fact]
    public async Task MissingDirectory_ExitsTwo()
    {
        var run = await CliRunner.RunAsync("evaluate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: Required argument 'DIR' missing for command: 'evaluate'.", "Run 'rca evaluate --help' for the usage."],
            run.ErrorLines);
    }

    [Fact]
    public async Task NonexistentDirectory_ExitsTwo()
    {
        using var directory = new TempDirectory();
        var missing = Path.Combine(directory.Path, "missing");

        var run = await CliRunner.RunAsync("evaluate", missing);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {missing}: ", line);
    }

    [Fact]
    public async Task MissingFile_OneLineNamingIt()
    {
        using var directory = new TempDirectory();
        var missing = Path.Combine(directory.Path, "missing.csv");

        var run = await CliRunner.RunAsync("localize", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"error: {missing}: cannot read the file: Could not find file '{missing}'."], run.ErrorLines);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task NegativeValue_OneLineWithLine()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("negative.csv", "real,predict,a\n1,2,a1\n-3,2,a2\n");

        var run = await CliRunner.RunAsync("localize", path);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {path}:3:1: ", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task UnexpectedError_ExitsOneWithoutTrace()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("file", "not a folder");

        var run = await CliRunner.RunAsync("generate", "--out", Path.Combine(file, "data"), "--seed", "1", "--cases", "1", "--dims", "2,2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith("unexpected error: ", run.ErrorLines[0]);
        Assert.Equal("Run again with --verbose to see the stack trace.", run.ErrorLines[1]);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task UnexpectedErrorVerbose_PrintsTrace()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("file", "not a folder");

        var run = await CliRunner.RunAsync("generate", "--out", Path.Combine(file, "data"), "--seed", "1", "--cases", "1", "--dims", "2,2", "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("unexpected error: ", run.ErrorLines[0]);
        Assert.Contains("   at ", run.Error);
    }

    [Fact]
    public async Task Help_ExitsZero()
    {
        var run = await CliRunner.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("localize <FILE>", run.Out);
        Assert.Contains("evaluate <DIR>", run.Out);
        Assert.Contains("generate", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }
}
