using System.Text;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

public sealed class InfluxLineProtocolTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public void FormatPoint_EscapesEachPart()
    {
        var line = InfluxLineProtocol.FormatPoint(
            "my measure,x=1",
            [new("region", "eu west"), new("isp", "a,b=c"), new("dc", "x\\y\"z")],
            [new("note", "he said \"hi\" \\ bye"), new("ratio", 0.5), new("requests", 42L), new("up", true)],
            Time);

        Assert.Equal(
            "my\\ measure\\,x=1,dc=x\\y\"z,isp=a\\,b\\=c,region=eu\\ west note=\"he said \\\"hi\\\" \\\\ bye\",ratio=0.5,requests=42i,up=true 1700000000000",
            line);
    }

    [Fact]
    public void FormatPoint_EscapesTagAndFieldKeys()
    {
        var line = InfluxLineProtocol.FormatPoint("m", [new("k e,y=", "v")], [new("f i,e=ld", 1.25)], Time);

        Assert.Equal("m,k\\ e\\,y\\==v f\\ i\\,e\\=ld=1.25 1700000000000", line);
    }

    [Fact]
    public void FormatPoint_KeepsNonAscii()
    {
        var line = InfluxLineProtocol.FormatPoint("流量", [new("isp", "电信")], [new("f", 3)], Time);

        Assert.Equal("流量,isp=电信 f=3i 1700000000000", line);
    }

    [Fact]
    public void AppendPoint_EndsWithNewline()
    {
        var buffer = new StringBuilder();

        InfluxLineProtocol.AppendPoint(buffer, "m", [], [new("f", 2.0)], Time);

        Assert.Equal("m f=2 1700000000000\n", buffer.ToString());
    }

    [Fact]
    public void AppendPoint_InvalidPoint_LeavesBufferUnchanged()
    {
        var buffer = new StringBuilder("kept\n");

        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.AppendPoint(buffer, "m", [new("t", "a")], [new("f", double.NaN)], Time));

        Assert.Equal("kept\n", buffer.ToString());
    }

    [Fact]
    public void FormatPoint_EmptyTagValue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m", [new("isp", "")], [new("f", 1.0)], Time));

        Assert.Contains("tag 'isp'", error.Message);
    }

    [Fact]
    public void FormatPoint_Newline_Throws()
    {
        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m\nDROP", [], [new("f", 1.0)], Time));
        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m", [new("t", "a\nb")], [new("f", 1.0)], Time));
        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m", [], [new("s", "a\nb")], Time));
    }

    [Theory]
    [InlineData("end\\")]
    [InlineData("a\\,b")]
    [InlineData("a\\ b")]
    [InlineData("a\\=b")]
    public void FormatPoint_AmbiguousBackslash_Throws(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m", [new("t", value)], [new("f", 1.0)], Time));

        Assert.Contains("backslash", error.Message);
    }

    [Fact]
    public void FormatPoint_BackslashQuoteInMeasurement_Throws()
    {
        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("a\\\"b", [], [new("f", 1.0)], Time));
    }

    [Fact]
    public void FormatPoint_NoFields_Throws()
    {
        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m", [new("t", "a")], [], Time));
    }

    [Fact]
    public void FormatPoint_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => InfluxLineProtocol.FormatPoint("m", [], [new("f", DateTime.UnixEpoch)], Time));
    }
}
