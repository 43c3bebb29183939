using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

public sealed class InfluxQlQueryBuilderTests
{
    // 2023-11-14T22:13:00Z, a whole minute.
    private const long FromMs = 1_699_999_980_000;

    [Fact]
    public void SumQuery_MatchesExactText()
    {
        var kpi = KpiSources.Kpi("kpi", "requests", ["isp", "province"]);
        var grid = new KpiWindowGrid(FromMs, 60_000, 3);

        var query = InfluxQlQueryBuilder.BuildSumQuery(kpi, "kpi", "autogen", grid);

        Assert.Equal(
            "SELECT \"v\"::field, \"isp\"::tag, \"province\"::tag FROM (SELECT sum(\"f\") AS \"v\" FROM \"kpi\".\"autogen\".\"requests\" WHERE time >= 1699999980000000000 AND time < 1700000160000000000 GROUP BY time(1m), \"isp\", \"province\")",
            query);
    }

    [Fact]
    public void TotalQuery_GroupsByTimeOnly()
    {
        var kpi = KpiSources.Kpi("kpi", "calls", ["dc"], field: "ok", denominator: "total");
        var grid = new KpiWindowGrid(FromMs + 30_500, 60_000, 30);

        var query = InfluxQlQueryBuilder.BuildTotalQuery(kpi, "kpi", null, grid);

        Assert.Equal(
            "SELECT sum(\"ok\") AS \"v\", sum(\"total\") AS \"w\" FROM \"kpi\"..\"calls\" WHERE time >= 1700000010500000000 AND time < 1700001810500000000 GROUP BY time(1m, 30500ms)",
            query);
    }

    [Fact]
    public void TotalQuery_OneWindow_HasNoGroupBy()
    {
        var kpi = KpiSources.Kpi("kpi", "requests", ["isp"]);
        var grid = new KpiWindowGrid(FromMs, 60_000, 1);

        var query = InfluxQlQueryBuilder.BuildTotalQuery(kpi, "kpi", "autogen", grid);

        Assert.Equal(
            "SELECT sum(\"f\") AS \"v\" FROM \"kpi\".\"autogen\".\"requests\" WHERE time >= 1699999980000000000 AND time < 1700000040000000000",
            query);
    }

    [Fact]
    public void RatioQuery_AddsDenominatorAndDefaultPolicy()
    {
        var kpi = KpiSources.Kpi("kpi", "calls", ["dc"], field: "ok", denominator: "total");
        var grid = new KpiWindowGrid(FromMs, 60_000, 1);

        var query = InfluxQlQueryBuilder.BuildSumQuery(kpi, "kpi", null, grid);

        Assert.Equal(
            "SELECT \"v\"::field, \"w\"::field, \"dc\"::tag FROM (SELECT sum(\"ok\") AS \"v\", sum(\"total\") AS \"w\" FROM \"kpi\"..\"calls\" WHERE time >= 1699999980000000000 AND time < 1700000040000000000 GROUP BY \"dc\")",
            query);
    }

    [Fact]
    public void Query_UnalignedStart_AddsOffset()
    {
        var kpi = KpiSources.Kpi("kpi", "m", []);
        var grid = new KpiWindowGrid(FromMs + 30_500, 60_000, 2);

        var query = InfluxQlQueryBuilder.BuildSumQuery(kpi, "kpi", null, grid);

        Assert.Contains("GROUP BY time(1m, 30500ms))", query);
    }

    [Theory]
    [InlineData(3_600_000L, "1h")]
    [InlineData(7_200_000L, "2h")]
    [InlineData(300_000L, "5m")]
    [InlineData(90_000L, "90s")]
    [InlineData(1_500L, "1500ms")]
    public void FormatDuration_PicksLargestUnit(long milliseconds, string expected)
    {
        Assert.Equal(expected, InfluxQlQueryBuilder.FormatDuration(milliseconds));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("a\\\"b", "\"a\\\\\\\"b\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("x\"; DROP DATABASE \"kpi", "\"x\\\"; DROP DATABASE \\\"kpi\"")]
    [InlineData("m' OR 1=1 --", "\"m' OR 1=1 --\"")]
    [InlineData("电信", "\"电信\"")]
    public void QuoteIdentifier_EscapesQuoteBackslashNewline(string identifier, string expected)
    {
        Assert.Equal(expected, InfluxQlQueryBuilder.QuoteIdentifier(identifier));
    }

    [Fact]
    public void Query_HostileNames_StayInsideQuotes()
    {
        var kpi = KpiSources.Kpi("db\"x", "m\"; DROP DATABASE \"kpi", ["t\\\"", "a\nb"], field: "f\") FROM x; --");
        var grid = new KpiWindowGrid(FromMs, 60_000, 1);

        var query = InfluxQlQueryBuilder.BuildSumQuery(kpi, "db\"x", "rp;", grid);

        Assert.Equal(
            "SELECT \"v\"::field, \"t\\\\\\\"\"::tag, \"a\\nb\"::tag FROM (SELECT sum(\"f\\\") FROM x; --\") AS \"v\" FROM \"db\\\"x\".\"rp;\".\"m\\\"; DROP DATABASE \\\"kpi\" WHERE time >= 1699999980000000000 AND time < 1700000040000000000 GROUP BY \"t\\\\\\\"\", \"a\\nb\")",
            query);
        Assert.DoesNotContain('\n', query);
    }

    [Fact]
    public void Query_AttributeNamedLikeAlias_RenamesAlias()
    {
        var kpi = KpiSources.Kpi("kpi", "m", ["v", "v_1", "w"], denominator: "d");
        var grid = new KpiWindowGrid(FromMs, 60_000, 1);

        var query = InfluxQlQueryBuilder.BuildSumQuery(kpi, "kpi", null, grid);

        Assert.StartsWith("SELECT \"v_2\"::field, \"w_1\"::field, \"v\"::tag, \"v_1\"::tag, \"w\"::tag FROM (SELECT sum(\"f\") AS \"v_2\", sum(\"d\") AS \"w_1\" FROM", query);
    }
}
