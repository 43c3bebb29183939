using System.Text;
using Rca.Detectors.Data;

namespace Rca.Detectors.Tests.Data;

public sealed class RsDatasetReaderTests
{
    private const string Case = """
        value,min,cdn,cnt,isp
        90,600,c1,100,联通
        95,540,c1,100,联通
        97,480,c1,100,联通
        100,420,c1,100,联通
        0,300,c1,1000,联通
        50,600,c2,50,联通
        1,540,c3,4,移动
        2,660,c4,3,移动
        """;

    private static LeafTable ReadCase(string text, long timestamp, string name = "case.csv") =>
        RsDatasetReader.ReadCase(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, timestamp);

    private static IReadOnlyList<RsCase> ReadManifest(string text) =>
        RsDatasetReader.ReadManifest(new MemoryStream(Encoding.UTF8.GetBytes(text)), "anomaly.yaml");

    [Fact]
    public void ReadCase_ForecastIsFourMinuteMean()
    {
        var table = ReadCase(Case, 600);

        Assert.Equal(MeasureKind.Derived, table.Kind);
        Assert.Equal(["cdn", "isp"], table.AttributeNames);
        Assert.Equal(3, table.LeafCount);

        Assert.Equal("cdn=c1&isp=联通", table.GetLeafCombination(0).ToString());
        Assert.Equal(10.0, table.Actual[0]);
        Assert.Equal(100.0, table.ActualDenominator[0]);
        Assert.Equal(2.0, table.Forecast[0]);
        Assert.Equal(75.0, table.ForecastDenominator[0]);

        Assert.Equal("cdn=c2&isp=联通", table.GetLeafCombination(1).ToString());
        Assert.Equal(0.0, table.Actual[1]);
        Assert.Equal(50.0, table.ActualDenominator[1]);
        Assert.Equal(0.0, table.Forecast[1]);
        Assert.Equal(0.0, table.ForecastDenominator[1]);

        Assert.Equal("cdn=c3&isp=移动", table.GetLeafCombination(2).ToString());
        Assert.Equal(0.0, table.Actual[2]);
        Assert.Equal(0.0, table.ActualDenominator[2]);
        Assert.Equal(0.75, table.Forecast[2]);
        Assert.Equal(1.0, table.ForecastDenominator[2]);
    }

    [Fact]
    public void ReadCase_NoAnomalyMinute_Throws()
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadCase(Case, 720));

        Assert.Null(error.Line);
        Assert.Contains("no rows for the anomaly minute 720", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("min,cdn,value,cnt\n600,c1,5,4\n", 2, 3, "value 5 (successes) exceeds cnt 4 (attempts)")]
    [InlineData("min,cdn,value\n600,c1,5\n", 1, null, "missing column 'cnt'")]
    [InlineData("min,value,cnt\n600,5,6\n", 1, null, "no attribute columns")]
    [InlineData("min,cdn,value,cnt\n600.5,c1,1,2\n", 2, 1, "'600.5' in column 'min' is not a whole number")]
    [InlineData("min,cdn,value,cnt\n600,c1,-1,2\n", 2, 3, "negative value '-1' in column 'value'")]
    [InlineData("min,cdn,value,cnt\n600,c1,1,2\n540,c1,1,2\n600,c1,1,3\n", 4, null, "leaf cdn=c1 repeats line 2 for minute 600")]
    [InlineData("min,cdn,value,cnt\n600,c1,1\n", 2, null, "3 fields, expected 4")]
    public void ReadCase_InvalidFile_Throws(string content, int? line, int? column, string fragment)
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadCase(content, 600, "rs.csv"));

        Assert.Equal("rs.csv", error.Path);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadManifest_ParsesEntries()
    {
        var cases = ReadManifest("""
            # two cases
            - data: case1_0821
              timestamp: 1566397800
              cause: {'bitrate':2000,'p2p':1}

            - data: "2020-08-06+12_07_00"
              timestamp: 1596686820
              cause: [{'bitrate':4500}, {'bitrate':2500}, {'bitrate': 2500}]
            - data: case3
              cause: {'isp':'联通', cdn: 5}
              timestamp: 1
            """);

        Assert.Equal(3, cases.Count);
        Assert.Equal("case1_0821", cases[0].Stem);
        Assert.Equal(1566397800, cases[0].Timestamp);
        Assert.Equal(2, cases[0].Line);
        Assert.Equal("bitrate=2000&p2p=1", AttributeCombination.FormatSet(cases[0].RootCause));
        Assert.Equal("2020-08-06+12_07_00", cases[1].Stem);
        Assert.Equal(6, cases[1].Line);
        Assert.Equal("bitrate=2500;bitrate=4500", AttributeCombination.FormatSet(cases[1].RootCause));
        Assert.Equal("cdn=5&isp=联通", AttributeCombination.FormatSet(cases[2].RootCause));
        Assert.Equal(1, cases[2].Timestamp);
    }

    [Fact]
    public void ReadManifest_CrlfAndNoFinalNewline()
    {
        var cases = ReadManifest("- data: a\r\n  timestamp: 60\r\n  cause: {'p2p':0}");

        Assert.Single(cases);
        Assert.Equal("p2p=0", cases[0].RootCause[0].ToString());
    }

    [Theory]
    [InlineData("", null, null, "no entries")]
    [InlineData("data: a\n", 1, 1, "expected '- data: <file stem>'")]
    [InlineData("- data: a\n  timestamp: 60\n", 1, null, "the entry has no 'cause'")]
    [InlineData("- data: a\n  cause: {'p2p':0}\n", 1, null, "the entry has no 'timestamp'")]
    [InlineData("- timestamp: 60\n  cause: {'p2p':0}\n", 1, null, "the entry has no 'data'")]
    [InlineData("- data: a\n  timestamp: 6O\n  cause: {'p2p':0}\n", 2, 14, "timestamp '6O' is not a whole number")]
    [InlineData("- data: a\n  timestamp: 60\n  cause: {'p2p':0\n", 3, 18, "expected ',' or '}' in the cause mapping")]
    [InlineData("- data: a\n  timestamp: 60\n  cause: {'p2p 0}\n", 3, 11, "a quoted scalar is not closed")]
    [InlineData("- data: a\n  timestamp: 60\n  cause: {}\n", 3, 11, "an empty cause mapping")]
    [InlineData("- data: a\n  timestamp: 60\n  cause: 'p2p'\n", 3, 10, "expected a mapping")]
    [InlineData("- data: a\n  timestamp: 60\n  cause: {'p2p':0, 'p2p':1}\n", 3, 20, "attribute 'p2p' appears twice")]
    [InlineData("- data: a\n  timestamp: 60\n  cause: {'p2p':0} x\n", 3, 20, "unexpected text after the cause")]
    [InlineData("- data: a\n  timestamp: 60\n  timestamp: 61\n", 3, 3, "'timestamp' is given twice")]
    [InlineData("- data: a\n  stamp: 60\n", 2, 3, "unknown key 'stamp'")]
    [InlineData("- data: a\n  timestamp:\n", 2, 13, "'timestamp' has no value")]
    [InlineData("- data: a\n\ttimestamp: 1\n", 2, 1, "a tab in the indentation")]
    [InlineData("- data: a\n  timestamp: 1\n  cause: {'p2p':0}\n- data: a\n  timestamp: 2\n  cause: {'p2p':1}\n", 4, null, "case 'a' is listed twice (also line 1)")]
    public void ReadManifest_Invalid_Throws(string content, int? line, int? column, string fragment)
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadManifest(content));

        Assert.Equal("anomaly.yaml", error.Path);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
