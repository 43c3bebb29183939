using Rca.Detectors.Data;

namespace Rca.Detectors.Tests.Synthetic;

public sealed class SqueezeCsvWriterTests
{
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(12.0, "12.0")]
    [InlineData(12.5, "12.5")]
    [InlineData(35591.413684605046, "35591.413684605046")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "10000000000000000.0")]
    public void FormatNumber_PythonRepr(double value, string expected)
    {
        Assert.Equal(expected, SqueezeCsvWriter.FormatNumber(value));
    }

    [Fact]
    public void Write_QuotesAndRoundTrips()
    {
        var builder = new LeafTableBuilder(["city", "isp"], MeasureKind.Fundamental);
        builder.Add(["Hong Kong, HK", "say \"hi\""], 0.1 + 0.2, 3);
        builder.Add(["北京", ""], 1e-7, 0);
        var table = builder.Build();
        using var writer = new StringWriter();

        SqueezeCsvWriter.Write(table, writer);
        var text = writer.ToString();
        var read = SqueezeCsvReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "round.csv");

        Assert.Equal("real,predict,city,isp\n0.30000000000000004,3.0,\"Hong Kong, HK\",\"say \"\"hi\"\"\"\n1e-07,0.0,北京,\n", text);
        Assert.Equal(table.Actual.ToArray(), read.Actual.ToArray());
        Assert.Equal(table.GetLeafCombination(0), read.GetLeafCombination(0));
        Assert.Equal(table.GetLeafCombination(1), read.GetLeafCombination(1));
    }
}
