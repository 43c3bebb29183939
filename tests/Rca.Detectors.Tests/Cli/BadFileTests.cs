using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;

namespace Rca.Detectors.Tests.Cli;

/// <summary>Runs <c>rca</c> on every entry of the malformed-file corpus in Fixtures/bad.</summary>
public sealed class BadFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad");

    public static TheoryData<string, string, string, string, string> Entries()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "expected.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            data.Add(fields[0], fields[1], fields[2], fields[3], fields[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task BadInput_OneErrorLine(string input, string errorFile, string line, string column, string message)
    {
        var path = Path.Combine(Folder, input);
        var command = Directory.Exists(path) ? "evaluate" : "localize";

        var run = await CliRunner.RunAsync(command, path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var errorLine = Assert.Single(run.ErrorLines);
        Assert.Equal("error: " + ReaderMessage(path), errorLine);
        var position = string.Concat(
            Path.Combine(Folder, errorFile),
            line.Length == 0 ? string.Empty : ":" + line,
            column.Length == 0 ? string.Empty : ":" + column,
            ": ");
        Assert.StartsWith("error: " + position, errorLine);
        Assert.Contains(message, errorLine, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task BadInputChinese_OneErrorLine(string input, string errorFile, string line, string column, string message)
    {
        var path = Path.Combine(Folder, input);
        var command = Directory.Exists(path) ? "evaluate" : "localize";

        var run = await CliRunner.RunAsync(command, path, "--lang", "zh-Hans");

        Assert.Equal(2, run.ExitCode);
        var errorLine = Assert.Single(run.ErrorLines);
        Assert.Equal("错误：" + ReaderMessage(path), errorLine);
        Assert.Contains(Path.Combine(Folder, errorFile), errorLine, StringComparison.Ordinal);
        Assert.Contains(line.Length == 0 ? ": " : ":" + line, errorLine, StringComparison.Ordinal);
        Assert.Contains(column.Length == 0 ? ": " : ":" + column, errorLine, StringComparison.Ordinal);
        Assert.Contains(message, errorLine, StringComparison.Ordinal);
    }

    /// <summary>Returns the message of the reader's own error for the input, which the CLI must print unchanged.</summary>
    private static string ReaderMessage(string path)
    {
        var error = Assert.Throws<InvalidDataFileException>(() =>
        {
            if (!Directory.Exists(path))
            {
                SqueezeCsvReader.Read(path);
                return;
            }

            foreach (var evaluationCase in EvaluationDataset.Discover(path).Cases)
            {
                evaluationCase.Load();
            }
        });
        return error.Message;
    }
}
