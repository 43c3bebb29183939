using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

public sealed class FluxQueryBuilderTests
{
    private const long FromMs = 1_699_999_980_000;

    [Fact]
    public void SumQuery_MatchesExactText()
    {
        var kpi = KpiSources.Kpi("kpi", "requests", ["isp", "province"]);

        var query = FluxQueryBuilder.BuildSumQuery(kpi, "kpi/autogen", new KpiWindowGrid(FromMs, 60_000, 3));

        Assert.Equal(
            """
            from(bucket: "kpi/autogen")
              |> range(start: 2023-11-14T22:13:00.000Z, stop: 2023-11-14T22:16:00.000Z)
              |> filter(fn: (r) => r._measurement == "requests")
              |> filter(fn: (r) => r._field == "f")
              |> group(columns: ["isp", "province", "_field"])
              |> aggregateWindow(every: 1m, fn: sum, createEmpty: true, timeSrc: "_start")

            """,
            query);
    }

    [Fact]
    public void RatioQuery_FiltersBothFieldsWithOffset()
    {
        var kpi = KpiSources.Kpi("kpi", "calls", ["dc"], field: "ok", denominator: "total");

        var query = FluxQueryBuilder.BuildSumQuery(kpi, "b", new KpiWindowGrid(FromMs + 15_000, 60_000, 1));

        Assert.Contains("|> filter(fn: (r) => r._field == \"ok\" or r._field == \"total\")\n", query);
        Assert.Contains("|> aggregateWindow(every: 1m, offset: 15s, fn: sum, createEmpty: true, timeSrc: \"_start\")\n", query);
        Assert.Contains("range(start: 2023-11-14T22:13:15.000Z, stop: 2023-11-14T22:14:15.000Z)", query);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("${token}", "\"\\${token}\"")]
    [InlineData("cost $5", "\"cost \\$5\"")]
    [InlineData("a\nb\r\tc", "\"a\\nb\\r\\tc\"")]
    [InlineData("\") |> drop() //", "\"\\\") |> drop() //\"")]
    [InlineData("移动", "\"移动\"")]
    public void QuoteString_EscapesFluxSpecials(string text, string expected)
    {
        Assert.Equal(expected, FluxQueryBuilder.QuoteString(text));
    }

    [Fact]
    public void Query_HostileNames_StayInsideStrings()
    {
        var kpi = KpiSources.Kpi("b", "m\") |> yield(name: \"x", ["${secrets.get(key: \"k\")}"]);

        var query = FluxQueryBuilder.BuildSumQuery(kpi, "b\"", new KpiWindowGrid(FromMs, 60_000, 1));

        Assert.Contains("from(bucket: \"b\\\"\")", query);
        Assert.Contains("r._measurement == \"m\\\") |> yield(name: \\\"x\")", query);
        Assert.Contains("group(columns: [\"\\${secrets.get(key: \\\"k\\\")}\", \"_field\"])", query);
    }
}
