using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Evaluation;

public sealed class EvaluationDatasetTests
{
    private const string Leaves = "real,predict,a,b\n1,2,a1,b1\n3,4,a2,b1\n";

    private static void WriteSetting(TempDirectory folder)
    {
        folder.Write("set1/injection_info.csv", "set,timestamp,extra\n\"a=a1&b=b1;a=a2\",200,x\nb=b1,100,y\n");
        folder.Write("set1/100.csv", Leaves);
        folder.Write("set1/200.csv", Leaves);
        folder.Write("set1/notes.txt", "not a case");
        folder.Write("set2/injection_info.csv", "timestamp,set\n300,a=a1\n");
        folder.Write("set2/300.a.csv", Leaves);
        folder.Write("set2/300.b.csv", Leaves);
        folder.Write("rs/anomaly.yaml", "- data: case 2\n  timestamp: 600\n  cause: {'cdn':1}\n- data: case1\n  timestamp: 600\n  cause: [{'p2p':0}, {'cdn':2}]\n");
        folder.Write("rs/case 2.csv", "min,cdn,value,cnt\n600,1,1,2\n");
        folder.Write("rs/case1.csv", "min,cdn,value,cnt\n600,1,1,2\n");
    }

    [Fact]
    public void Discover_FindsEveryLayout()
    {
        using var folder = new TempDirectory();
        WriteSetting(folder);

        var dataset = EvaluationDataset.Discover(folder.Path);

        Assert.Equal(["rs/case 2", "rs/case1", "set1/100", "set1/200", "set2/300"], dataset.Cases.Select(c => c.Id));
        Assert.Equal(["rs", "rs", "set1", "set1", "set2"], dataset.Cases.Select(c => c.Folder));
        Assert.Equal("cdn=2;p2p=0", AttributeCombination.FormatSet(dataset.Cases[1].GroundTruth));
        Assert.Equal("b=b1", AttributeCombination.FormatSet(dataset.Cases[2].GroundTruth));
        Assert.Equal("a=a1&b=b1;a=a2", AttributeCombination.FormatSet(dataset.Cases[3].GroundTruth));
        Assert.Equal(MeasureKind.Derived, dataset.Cases[4].Load().Kind);
        Assert.Equal(MeasureKind.Fundamental, dataset.Cases[2].Load().Kind);
        Assert.Equal(MeasureKind.Derived, dataset.Cases[0].Load().Kind);
    }

    [Fact]
    public void Discover_SettingFolderGivesBareIds()
    {
        using var folder = new TempDirectory();
        WriteSetting(folder);

        var dataset = EvaluationDataset.Discover(Path.Combine(folder.Path, "set1"));

        Assert.Equal(["100", "200"], dataset.Cases.Select(c => c.Id));
        Assert.Equal(["", ""], dataset.Cases.Select(c => c.Folder));
    }

    [Fact]
    public void HasExternalGroundTruth_MissingAttribute()
    {
        using var folder = new TempDirectory();
        folder.Write("injection_info.csv", "timestamp,set\n1,c=c1\n2,a=a1&b=b1\n");
        folder.Write("1.csv", Leaves);
        folder.Write("2.csv", Leaves);
        var dataset = EvaluationDataset.Discover(folder.Path);

        Assert.True(dataset.Cases[0].HasExternalGroundTruth(dataset.Cases[0].Load()));
        Assert.False(dataset.Cases[1].HasExternalGroundTruth(dataset.Cases[1].Load()));
    }

    [Fact]
    public void Discover_CaseWithoutTruth_Throws()
    {
        using var folder = new TempDirectory();
        var info = folder.Write("injection_info.csv", "timestamp,set\n1,a=a1\n");
        folder.Write("1.csv", Leaves);
        var orphan = folder.Write("2.csv", Leaves);

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(orphan, error.Path);
        Assert.Contains($"no ground-truth row with timestamp 2 in {info}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_TruthWithoutCase_Throws()
    {
        using var folder = new TempDirectory();
        var info = folder.Write("injection_info.csv", "timestamp,set\n1,a=a1\n3,a=a2\n");
        folder.Write("1.csv", Leaves);

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(info, error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("no case file 3.csv or 3.a.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_NumeratorWithoutDenominator_Throws()
    {
        using var folder = new TempDirectory();
        folder.Write("injection_info.csv", "timestamp,set\n1,a=a1\n");
        var numerator = folder.Write("1.a.csv", Leaves);

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(numerator, error.Path);
        Assert.Contains("the denominator file '1.b.csv' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_InvalidSet_Throws()
    {
        using var folder = new TempDirectory();
        var info = folder.Write("injection_info.csv", "timestamp,set\n1,a=a1&a=a2\n");
        folder.Write("1.csv", Leaves);

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(info, error.Path);
        Assert.Equal(2, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("Attribute 'a' has two values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_RepeatedTimestamp_Throws()
    {
        using var folder = new TempDirectory();
        folder.Write("injection_info.csv", "timestamp,set\n1,a=a1\n1,a=a2\n");
        folder.Write("1.csv", Leaves);

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(3, error.Line);
        Assert.Contains("timestamp 1 repeats line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_RsCaseFileMissing_Throws()
    {
        using var folder = new TempDirectory();
        var manifest = folder.Write("anomaly.yaml", "- data: a\n  timestamp: 60\n  cause: {'p2p':0}\n- data: b\n  timestamp: 60\n  cause: {'p2p':0}\n");
        folder.Write("a.csv", "min,p2p,value,cnt\n60,0,1,2\n");

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(manifest, error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("the case file 'b.csv' is not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_RsUnlistedFile_Throws()
    {
        using var folder = new TempDirectory();
        folder.Write("anomaly.yaml", "- data: a\n  timestamp: 60\n  cause: {'p2p':0}\n");
        folder.Write("a.csv", "min,p2p,value,cnt\n60,0,1,2\n");
        var extra = folder.Write("c.csv", "min,p2p,value,cnt\n60,0,1,2\n");

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Equal(extra, error.Path);
        Assert.Contains("has no entry in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_NoCases_Throws()
    {
        using var folder = new TempDirectory();
        folder.Write("x/1.csv", Leaves);

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(folder.Path));

        Assert.Contains("no cases found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_MissingFolder_Throws()
    {
        using var folder = new TempDirectory();
        var missing = Path.Combine(folder.Path, "none");

        var error = Assert.Throws<InvalidDataFileException>(() => EvaluationDataset.Discover(missing));

        Assert.Equal(missing, error.Path);
        Assert.Contains("the folder does not exist", error.Message, StringComparison.Ordinal);
    }
}
