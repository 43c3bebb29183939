using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;

namespace Rca.Detectors.Tests.Data;

/// <summary>The malformed-file corpus in Fixtures/bad and its table of expected errors, expected.tsv.</summary>
internal static class BadCorpus
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad");

    /// <summary>
    /// Returns the rows of expected.tsv: input, error file, line, column, English message
    /// fragment, error code and Chinese message fragment.
    /// </summary>
    public static TheoryData<string, string, string, string, string, string, string> Entries()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "expected.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            Assert.Equal(7, fields.Length);
            data.Add(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
        }

        return data;
    }

    /// <summary>Reads a file as a Squeeze-layout case, or discovers a folder and loads every case.</summary>
    public static void Load(string path)
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

    /// <summary>Returns the error of <see cref="Load"/> for an input of the corpus.</summary>
    public static InvalidDataFileException Error(string input) =>
        Assert.Throws<InvalidDataFileException>(() => Load(Path.Combine(Folder, input)));

    /// <summary>Returns the <c>path:line:column: </c> prefix that an entry's message starts with.</summary>
    public static string Position(string errorFile, string line, string column) =>
        string.Concat(
            Path.Combine(Folder, errorFile),
            line.Length == 0 ? string.Empty : ":" + line,
            column.Length == 0 ? string.Empty : ":" + column,
            ": ");
}
