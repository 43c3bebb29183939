using System.Text;
using Rca.Detectors.Data;

namespace Rca.Detectors.Tests.Data;

public sealed class SqueezeCsvReaderTests
{
    private static LeafTable ReadText(string text, string name = "case.csv") =>
        SqueezeCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    private static string Leaf(LeafTable table, int leaf) => table.GetLeafCombination(leaf).ToString();

    [Fact]
    public void Read_AnyColumnOrder()
    {
        var table = ReadText("b,real,a,predict\nb1,1.5,a2,2\nb2,0,a1,1e3\n");

        Assert.Equal(MeasureKind.Fundamental, table.Kind);
        Assert.Equal(["b", "a"], table.AttributeNames);
        Assert.Equal(2, table.LeafCount);
        Assert.Equal("a=a2&b=b1", Leaf(table, 0));
        Assert.Equal(1.5, table.Actual[0]);
        Assert.Equal(2.0, table.Forecast[0]);
        Assert.Equal("a=a1&b=b2", Leaf(table, 1));
        Assert.Equal(0.0, table.Actual[1]);
        Assert.Equal(1000.0, table.Forecast[1]);
    }

    [Fact]
    public void Read_BomCrlfAndQuotes()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("real,predict,city\r\n1,2,\"Hong Kong, \"\"HK\"\"\"\r\n3,4,\"two\r\nlines\"\r\n5,6,北京\r\n"))
            .ToArray();

        var table = SqueezeCsvReader.Read(new MemoryStream(bytes), "quoted.csv");

        Assert.Equal(["city"], table.AttributeNames);
        Assert.Equal(3, table.LeafCount);
        Assert.Equal("city=Hong Kong, \"HK\"", Leaf(table, 0));
        Assert.Equal("city=two\r\nlines", Leaf(table, 1));
        Assert.Equal("city=北京", Leaf(table, 2));
        Assert.Equal(5.0, table.Actual[2]);
        Assert.Equal(6.0, table.Forecast[2]);
    }

    [Fact]
    public void Read_EmptyAttributeIsValue()
    {
        var table = ReadText("real,predict,a,b\n1,1,,b1\n2,2,a1,b1\n");

        Assert.Equal(["", "a1"], table.GetAttributeValues(0));
        Assert.Equal(0, table.GetCodes(0)[0]);
        Assert.Equal(1, table.GetCodes(0)[1]);
    }

    [Fact]
    public void Read_SkipsBlankLines()
    {
        var table = ReadText("real,predict,a\n1,2,a1\n\n3,4,a2\n\n");

        Assert.Equal(2, table.LeafCount);
        Assert.Equal(3.0, table.Actual[1]);
    }

    [Fact]
    public void Read_ValuesCodedInOrdinalOrder()
    {
        var table = ReadText("real,predict,a\n1,1,a2\n2,2,a10\n3,3,a1\n");

        Assert.Equal(["a1", "a10", "a2"], table.GetAttributeValues(0));
        Assert.Equal([2, 1, 0], table.GetCodes(0).ToArray());
    }

    [Theory]
    [InlineData("", null, null, "the file is empty")]
    [InlineData("\n\n", null, null, "the file is empty")]
    [InlineData("real,predict,a\n", null, null, "no data rows")]
    [InlineData("real,a\n1,a1\n", 1, null, "missing column 'predict'")]
    [InlineData("a,b\n1,a1\n", 1, null, "missing columns 'real', 'predict'")]
    [InlineData("real,predict\n1,2\n", 1, null, "no attribute columns")]
    [InlineData("real,predict,a,a\n1,2,a1,a1\n", 1, 4, "duplicate column 'a' (also column 3)")]
    [InlineData("real,predict,,b\n1,2,a1,b1\n", 1, 3, "empty column name")]
    [InlineData("real,predict,a\n1,2,a1\n1,2\n", 3, null, "2 fields, expected 3")]
    [InlineData("real,predict,a\n1,2,a1,x\n", 2, null, "4 fields, expected 3")]
    [InlineData("real,predict,a\n1,2,a1\nx1,2,a2\n", 3, 1, "'x1' in column 'real' is not a number")]
    [InlineData("real,predict,a\n1,1.5.2,a1\n", 2, 2, "'1.5.2' in column 'predict' is not a number")]
    [InlineData("real,predict,a\n1,1,000,a1\n", 2, null, "4 fields, expected 3")]
    [InlineData("real,predict,a\n-1,2,a1\n", 2, 1, "negative value '-1' in column 'real'")]
    [InlineData("real,predict,a\nNaN,2,a1\n", 2, 1, "value 'NaN' in column 'real' is not finite")]
    [InlineData("real,predict,a\n1,nan,a1\n", 2, 2, "value 'nan' in column 'predict' is not finite")]
    [InlineData("real,predict,a\nInfinity,2,a1\n", 2, 1, "is not finite")]
    [InlineData("real,predict,a\n1,-inf,a1\n", 2, 2, "is not finite")]
    [InlineData("real,predict,a\n1e400,2,a1\n", 2, 1, "is not finite")]
    [InlineData("real,predict,a\n,2,a1\n", 2, 1, "empty value in column 'real'")]
    [InlineData("a,real,predict\na1,1,2\na2,1,2\na1,3,4\n", 4, null, "leaf a=a1 repeats line 2")]
    [InlineData("real,predict,a,b\n1,2,a1,b2\n1,2,a1,b1\n1,2,a1,b2\n", 4, null, "leaf a=a1&b=b2 repeats line 2")]
    [InlineData("real,predict,a\n1,2,\"a1\n", 2, 3, "a quoted field is not closed")]
    [InlineData("real,predict,a\n1,2,\"a1\"x\n", 2, 3, "unexpected characters after the closing quote")]
    [InlineData("real,predict,a\n1,2,a\"1\n", 2, 3, "a double quote inside an unquoted field")]
    public void Read_InvalidFile_Throws(string content, int? line, int? column, string fragment)
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadText(content, "bad.csv"));

        Assert.Equal("bad.csv", error.Path);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorMessageHasPosition()
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadText("real,predict,a\n1,x,a1\n", "d/1.csv"));

        Assert.StartsWith("d/1.csv:2:2: 'x' in column 'predict'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_Throws()
    {
        var bytes = Encoding.UTF8.GetBytes("real,predict,a\n1,2,a1\n1,2,").Concat(new byte[] { 0xC0, 0x0A }).ToArray();

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(new MemoryStream(bytes), "latin1.csv"));

        Assert.Equal(3, error.Line);
        Assert.Null(error.Column);
        Assert.Contains("not valid UTF-8 (invalid byte 0xC0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_Throws()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "none.csv");

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(path));

        Assert.Equal(path, error.Path);
        Assert.Null(error.Line);
        Assert.Contains("cannot read the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDerived_JoinsByLeaf()
    {
        using var folder = new TempDirectory();
        var numerator = folder.Write("7.a.csv", "real,predict,a,b\n1,2,a1,b1\n3,4,a2,b1\n");
        folder.Write("7.b.csv", "b,a,real,predict\nb1,a2,30,40\nb1,a1,10,20\n");

        var table = SqueezeCsvReader.Read(numerator);

        Assert.Equal(MeasureKind.Derived, table.Kind);
        Assert.Equal("a=a2&b=b1", Leaf(table, 1));
        Assert.Equal(3.0, table.Actual[1]);
        Assert.Equal(4.0, table.Forecast[1]);
        Assert.Equal(30.0, table.ActualDenominator[1]);
        Assert.Equal(40.0, table.ForecastDenominator[1]);
        Assert.Equal(0.1, table.ActualValue(1));
        Assert.Equal(10.0, table.ActualDenominator[0]);
        Assert.Equal(20.0, table.ForecastDenominator[0]);
    }

    [Fact]
    public void ReadDerived_FromDenominatorPath()
    {
        using var folder = new TempDirectory();
        folder.Write("7.a.csv", "real,predict,a\n1,2,a1\n");
        var denominator = folder.Write("7.b.csv", "real,predict,a\n10,20,a1\n");

        var table = SqueezeCsvReader.Read(denominator);

        Assert.Equal(0.1, table.ActualValue(0));
        Assert.Equal(0.1, table.ForecastValue(0));
    }

    [Fact]
    public void ReadDerived_Streams()
    {
        var table = SqueezeCsvReader.ReadDerived(
            new MemoryStream("real,predict,a\n1,2,a1\n"u8.ToArray()), "n",
            new MemoryStream("real,predict,a\n4,8,a1\n"u8.ToArray()), "d");

        Assert.Equal(0.25, table.ActualValue(0));
        Assert.Equal(0.25, table.ForecastValue(0));
    }

    [Fact]
    public void ReadDerived_NumeratorAlone_Throws()
    {
        using var folder = new TempDirectory();
        var numerator = folder.Write("7.a.csv", "real,predict,a\n1,2,a1\n");

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(numerator));

        Assert.Equal(numerator, error.Path);
        Assert.Null(error.Line);
        Assert.Contains("the denominator file '7.b.csv' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDerived_DenominatorAlone_Throws()
    {
        using var folder = new TempDirectory();
        var denominator = folder.Write("7.b.csv", "real,predict,a\n1,2,a1\n");

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(denominator));

        Assert.Equal(denominator, error.Path);
        Assert.Contains("the numerator file '7.a.csv' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDerived_LeafMissingFromDenominator_Throws()
    {
        using var folder = new TempDirectory();
        var numerator = folder.Write("7.a.csv", "real,predict,a\n1,2,a1\n1,2,a2\n");
        folder.Write("7.b.csv", "real,predict,a\n1,2,a1\n");

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(numerator));

        Assert.Equal(numerator, error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("leaf a=a2 is missing from the denominator file '7.b.csv'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDerived_LeafMissingFromNumerator_Throws()
    {
        using var folder = new TempDirectory();
        var numerator = folder.Write("7.a.csv", "real,predict,a\n1,2,a1\n");
        var denominator = folder.Write("7.b.csv", "real,predict,a\n1,2,a1\n1,2,a3\n");

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(numerator));

        Assert.Equal(denominator, error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("leaf a=a3 is missing from the numerator file '7.a.csv'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDerived_DifferentAttributes_Throws()
    {
        using var folder = new TempDirectory();
        var numerator = folder.Write("7.a.csv", "real,predict,a\n1,2,a1\n");
        var denominator = folder.Write("7.b.csv", "real,predict,b\n1,2,a1\n");

        var error = Assert.Throws<InvalidDataFileException>(() => SqueezeCsvReader.Read(numerator));

        Assert.Equal(denominator, error.Path);
        Assert.Equal(1, error.Line);
        Assert.Contains("attribute columns b differ from a", error.Message, StringComparison.Ordinal);
    }
}
