using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;

namespace Rca.Detectors.Tests.Data;

public sealed class BadCorpusTests
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
    public void Read_BadInput_Throws(string input, string errorFile, string line, string column, string message)
    {
        var path = Path.Combine(Folder, input);

        var error = Assert.Throws<InvalidDataFileException>(() => Load(path));

        Assert.Equal(Path.Combine(Folder, errorFile), error.Path);
        Assert.Equal(line.Length == 0 ? null : int.Parse(line), error.Line);
        Assert.Equal(column.Length == 0 ? null : int.Parse(column), error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_HasEveryKind()
    {
        Assert.True(Entries().Count >= 20);
    }

    private static void Load(string path)
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
    }
}
