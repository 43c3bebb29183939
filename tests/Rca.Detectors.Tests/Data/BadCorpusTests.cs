using System.Globalization;
using Rca.Cli;
using Rca.Detectors.Data;

namespace Rca.Detectors.Tests.Data;

public sealed class BadCorpusTests
{
    public static TheoryData<string, string, string, string, string, string, string> Entries() => BadCorpus.Entries();

    [Theory]
    [MemberData(nameof(Entries))]
    public void Read_BadInput_Throws(string input, string errorFile, string line, string column, string message, string code, string chineseMessage)
    {
        _ = chineseMessage;

        var error = BadCorpus.Error(input);

        Assert.Equal(Path.Combine(BadCorpus.Folder, errorFile), error.Path);
        Assert.Equal(line.Length == 0 ? null : int.Parse(line, CultureInfo.InvariantCulture), error.Line);
        Assert.Equal(column.Length == 0 ? null : int.Parse(column, CultureInfo.InvariantCulture), error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Enum.Parse<DataFileError>(code), error.Code);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void ReadChinese_BadInput_Throws(string input, string errorFile, string line, string column, string message, string code, string chineseMessage)
    {
        InvalidDataFileException error;
        using (new UiCultureScope("zh-Hans"))
        {
            error = BadCorpus.Error(input);
        }

        Assert.StartsWith(BadCorpus.Position(errorFile, line, column), error.Message, StringComparison.Ordinal);
        Assert.Contains(chineseMessage, error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Enum.Parse<DataFileError>(code), error.Code);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void FormatProblem_OtherLanguage(string input, string errorFile, string line, string column, string message, string code, string chineseMessage)
    {
        _ = (errorFile, line, column, code);

        var error = BadCorpus.Error(input);

        Assert.Contains(chineseMessage, error.FormatProblem(new LanguageCulture("zh-Hans")), StringComparison.Ordinal);
        Assert.Equal(error.Problem, error.FormatProblem(new LanguageCulture("en")));
        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_HasEveryKind()
    {
        Assert.True(Entries().Count >= 20);
    }
}
