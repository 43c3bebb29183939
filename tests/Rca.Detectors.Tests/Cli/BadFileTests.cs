using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

/// <summary>Runs <c>rca</c> on every entry of the malformed-file corpus in Fixtures/bad.</summary>
public sealed class BadFileTests
{
    public static TheoryData<string, string, string, string, string, string, string> Entries() => BadCorpus.Entries();

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task BadInput_OneErrorLine(string input, string errorFile, string line, string column, string message, string code, string chineseMessage)
    {
        _ = (code, chineseMessage);
        var path = Path.Combine(BadCorpus.Folder, input);
        var command = Directory.Exists(path) ? "evaluate" : "localize";

        var run = await CliRunner.RunAsync(command, path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var errorLine = Assert.Single(run.ErrorLines);
        Assert.Equal("error: " + BadCorpus.Error(input).Message, errorLine);
        Assert.StartsWith("error: " + BadCorpus.Position(errorFile, line, column), errorLine);
        Assert.Contains(message, errorLine, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task BadInputChinese_OneErrorLine(string input, string errorFile, string line, string column, string message, string code, string chineseMessage)
    {
        _ = code;
        var path = Path.Combine(BadCorpus.Folder, input);
        var command = Directory.Exists(path) ? "evaluate" : "localize";

        var run = await CliRunner.RunAsync(command, path, "--lang", "zh-Hans");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var errorLine = Assert.Single(run.ErrorLines);
        using (new UiCultureScope("zh-Hans"))
        {
            Assert.Equal("错误：" + BadCorpus.Error(input).Message, errorLine);
        }

        Assert.StartsWith("错误：" + BadCorpus.Position(errorFile, line, column), errorLine);
        Assert.Contains(chineseMessage, errorLine, StringComparison.Ordinal);
        Assert.DoesNotContain(message, errorLine, StringComparison.Ordinal);
    }
}
