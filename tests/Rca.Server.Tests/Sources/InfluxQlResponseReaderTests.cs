using System.Text;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

public sealed class InfluxQlResponseReaderTests
{
    private const long FromMs = 1_699_999_980_000;
    private static readonly KpiWindowGrid Grid = new(FromMs, 60_000, 3);

    [Fact]
    public async Task Read_ChunkedRows_MergesByLeaf()
    {
        // One leaf's rows split over two chunks, as InfluxDB 1.6.7 sends them with chunked=true.
        const string body =
            """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","isp"],"values":[[1699999980000,1,"a"],[1700000040000,3,"a"]],"partial":true}],"partial":true}]}""" + "\n" +
            """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","isp"],"values":[[1700000100000,5,"a"],[1699999980000,0,"b"],[1700000040000,null,"b"],[1700000100000,2,"b"]]}]}]}""" + "\n";

        var series = await ReadAsync(body, KpiSources.Kpi("db", "m", ["isp"]));

        Assert.Equal(2, series.Leaves.Count);
        Assert.Equal([1.0, 3.0, 5.0], series.Values[0]);
        Assert.Equal([0.0, 0.0, 2.0], series.Values[1]);
    }

    [Fact]
    public async Task Read_MissingTag_IsEmptyString()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","isp","province"],"values":[[1699999980000,1,"a",null]]}]}]}""";

        var series = await ReadAsync(body, KpiSources.Kpi("db", "m", ["isp", "province"]));

        Assert.Equal(["a", ""], series.Leaves[0]);
        Assert.Equal([1.0, 0.0, 0.0], series.Values[0]);
    }

    [Fact]
    public async Task Read_NoSeries_HasNoLeaves()
    {
        var series = await ReadAsync("""{"results":[{"statement_id":0}]}""", KpiSources.Kpi("db", "m", ["isp"]));

        Assert.Empty(series.Leaves);
        Assert.Equal(3, series.WindowStarts.Count);
    }

    [Fact]
    public async Task Read_RatioColumns_ByPosition()
    {
        // A tag named like an alias makes InfluxDB rename the columns, so names are not trusted.
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v_1","w","v"],"values":[[1700000040000,2,8,"x"]]}]}]}""";

        var series = await ReadAsync(body, KpiSources.Kpi("db", "m", ["v"], denominator: "d"));

        Assert.Equal(["x"], series.Leaves[0]);
        Assert.Equal([0.0, 2.0, 0.0], series.Values[0]);
        Assert.Equal([0.0, 8.0, 0.0], series.Denominators![0]);
    }

    [Fact]
    public async Task Read_StatementError_Throws()
    {
        var error = await Assert.ThrowsAsync<InfluxQlResponseException>(
            () => ReadAsync("""{"results":[{"statement_id":0,"error":"database not found: nope"}]}""", KpiSources.Kpi("nope", "m", [])));

        Assert.Equal("database not found: nope", error.Message);
    }

    [Fact]
    public async Task Read_TopLevelError_Throws()
    {
        var error = await Assert.ThrowsAsync<InfluxQlResponseException>(
            () => ReadAsync("""{"error":"error parsing query: found EOF"}""", KpiSources.Kpi("db", "m", [])));

        Assert.Equal("error parsing query: found EOF", error.Message);
    }

    [Fact]
    public async Task Read_TruncatedResult_Throws()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1699999980000,1]]}],"partial":true}]}""";

        var error = await Assert.ThrowsAsync<InfluxQlResponseException>(() => ReadAsync(body, KpiSources.Kpi("db", "m", [])));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task Read_OffGridTime_Throws()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1699999990000,1]]}]}]}""";

        var error = await Assert.ThrowsAsync<InfluxQlResponseException>(() => ReadAsync(body, KpiSources.Kpi("db", "m", [])));

        Assert.Contains("1699999990000 ms", error.Message);
    }

    [Fact]
    public async Task Read_MissingValueColumn_Throws()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","x"],"values":[[1699999980000,1]]}]}]}""";

        var error = await Assert.ThrowsAsync<InfluxQlResponseException>(() => ReadAsync(body, KpiSources.Kpi("db", "m", ["isp"])));

        Assert.Contains("[time, x]", error.Message);
        Assert.Contains("expected 3: time, the numerator, isp", error.Message);
    }

    [Fact]
    public async Task Read_HardTagValues_KeepText()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","isp"],"values":[[1699999980000,1,"a b,c=d \"q\" \\ 电信"]]}]}]}""";

        var series = await ReadAsync(body, KpiSources.Kpi("db", "m", ["isp"]));

        Assert.Equal(["a b,c=d \"q\" \\ 电信"], series.Leaves[0]);
    }

    [Fact]
    public async Task Read_ShortRow_Throws()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","isp"],"values":[[1699999980000,1]]}]}]}""";

        var error = await Assert.ThrowsAsync<InfluxQlResponseException>(() => ReadAsync(body, KpiSources.Kpi("db", "m", ["isp"])));

        Assert.Contains("a row with 2 cells", error.Message);
    }

    private static async Task<Rca.Server.Sources.KpiSeries> ReadAsync(string body, Rca.Server.Kpis.KpiDefinition kpi)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await InfluxQlResponseReader.ReadAsync(stream, kpi, Grid, TestContext.Current.CancellationToken);
    }
}
