using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Server.Tests.Sources;

/// <summary>Reads KPIs back from a real influxd (Debian 1.6.7) through the registered <see cref="IKpiSource"/>.</summary>
public sealed class InfluxQlKpiSourceTests(InfluxDbFixture influx)
{
    // 2023-11-14T22:13:00Z, a whole minute.
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeMilliseconds(1_699_999_980_000);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_HardTagValues_RoundTripExactly()
    {
        string[] isps = ["电信", "联通", "移动", "a b,c=d", "say \"hi\"", "it's", "back\\slash", "a\\\"q", "=lead", "tab\tx", "x=y,z w"];
        var database = await influx.CreateDatabaseAsync("tags", Token);
        var lines = new List<string>();
        for (var i = 0; i < isps.Length; i++)
        {
            lines.Add(InfluxLineProtocol.FormatPoint("requests", [new("isp", isps[i]), new("province", "北京")], [new("f", (double)(i + 1))], From.AddSeconds(10)));
            lines.Add(InfluxLineProtocol.FormatPoint("requests", [new("isp", isps[i]), new("province", "北京")], [new("f", 100.0)], From.AddMinutes(2)));
        }

        await WriteAsync(database, lines);

        var series = await QueryAsync(KpiSources.Kpi(database, "requests", ["isp", "province"]), From, From.AddMinutes(3));

        Assert.Equal(isps.Length, series.Leaves.Count);
        for (var i = 0; i < isps.Length; i++)
        {
            var leaf = IndexOfLeaf(series, isps[i], "北京");
            Assert.True(leaf >= 0, $"Leaf '{isps[i]}' is missing; got {string.Join(" | ", series.Leaves.Select(l => string.Join(",", l)))}");
            Assert.Equal([i + 1.0, 0.0, 100.0], series.Values[leaf]);
        }
    }

    [Fact]
    public async Task Query_RatioKpi_SumsBothFields()
    {
        var database = await influx.CreateDatabaseAsync("ratio", Token);
        await WriteAsync(database,
        [
            InfluxLineProtocol.FormatPoint("calls", [new("dc", "x")], [new("ok", 9L), new("total", 10L)], From),
            InfluxLineProtocol.FormatPoint("calls", [new("dc", "x")], [new("ok", 8L), new("total", 10L)], From.AddSeconds(30)),
            InfluxLineProtocol.FormatPoint("calls", [new("dc", "x")], [new("ok", 1L), new("total", 4L)], From.AddMinutes(1)),
        ]);

        var series = await QueryAsync(KpiSources.Kpi(database, "calls", ["dc"], field: "ok", denominator: "total"), From, From.AddMinutes(2));

        Assert.Equal(["x"], Assert.Single(series.Leaves));
        Assert.Equal([17.0, 1.0], series.Values[0]);
        Assert.NotNull(series.Denominators);
        Assert.Equal([20.0, 4.0], series.Denominators[0]);
    }

    [Fact]
    public async Task Query_MissingWindowsAndTags_AreZeroAndEmpty()
    {
        var database = await influx.CreateDatabaseAsync("gaps", Token);
        await WriteAsync(database,
        [
            InfluxLineProtocol.FormatPoint("m", [new("isp", "a"), new("province", "p")], [new("f", 1.0)], From),
            InfluxLineProtocol.FormatPoint("m", [new("isp", "b")], [new("f", 7.0)], From.AddMinutes(3)),
            InfluxLineProtocol.FormatPoint("m", [new("isp", "late")], [new("f", 5.0)], From.AddMinutes(5)),
        ]);

        var series = await QueryAsync(KpiSources.Kpi(database, "m", ["isp", "province"]), From, From.AddMinutes(4));

        Assert.Equal(4, series.WindowStarts.Count);
        Assert.Equal(From.AddMinutes(3), series.WindowStarts[3]);
        Assert.Equal(2, series.Leaves.Count);
        Assert.Equal([1.0, 0.0, 0.0, 0.0], series.Values[IndexOfLeaf(series, "a", "p")]);
        Assert.Equal([0.0, 0.0, 0.0, 7.0], series.Values[IndexOfLeaf(series, "b", "")]);
    }

    [Fact]
    public async Task Query_UnalignedStart_WindowsStartAtFrom()
    {
        var database = await influx.CreateDatabaseAsync("offset", Token);
        var from = From.AddSeconds(30);
        await WriteAsync(database,
        [
            InfluxLineProtocol.FormatPoint("m", [new("isp", "a")], [new("f", 1.0)], From.AddSeconds(20)),
            InfluxLineProtocol.FormatPoint("m", [new("isp", "a")], [new("f", 2.0)], From.AddSeconds(40)),
            InfluxLineProtocol.FormatPoint("m", [new("isp", "a")], [new("f", 4.0)], From.AddSeconds(80)),
            InfluxLineProtocol.FormatPoint("m", [new("isp", "a")], [new("f", 8.0)], From.AddSeconds(100)),
        ]);

        var series = await QueryAsync(KpiSources.Kpi(database, "m", ["isp"]), from, from.AddSeconds(61));

        Assert.Equal([from, from.AddMinutes(1)], series.WindowStarts);
        Assert.Equal([6.0, 8.0], series.Values[0]);
    }

    [Fact]
    public async Task Query_HostileMeasurementAndField_ReadOnlyThatSeries()
    {
        var database = await influx.CreateDatabaseAsync("hostile", Token);
        var victim = await influx.CreateDatabaseAsync("victim", Token);
        var measurement = $"cpu\"; DROP DATABASE \"{victim}\"; --";
        var field = "f\") FROM \"x";
        await WriteAsync(database,
        [
            InfluxLineProtocol.FormatPoint(measurement, [new("isp", "a")], [new(field, 3.0)], From),
            InfluxLineProtocol.FormatPoint("cpu", [new("isp", "a")], [new(field, 1000.0)], From),
        ]);

        var series = await QueryAsync(KpiSources.Kpi(database, measurement, ["isp"], field: field), From, From.AddMinutes(1));

        Assert.Equal([3.0], Assert.Single(series.Values));
        Assert.Contains($"\"{victim}\"", await ShowDatabasesAsync());
    }

    [Fact]
    public async Task Query_NewlineInMeasurement_FindsNothing()
    {
        var database = await influx.CreateDatabaseAsync("newline", Token);
        await WriteAsync(database, [InfluxLineProtocol.FormatPoint("m", [], [new("f", 1.0)], From)]);

        var series = await QueryAsync(KpiSources.Kpi(database, "m\nDROP DATABASE x", []), From, From.AddMinutes(1));

        Assert.Empty(series.Leaves);
    }

    [Fact]
    public async Task Query_UnknownDatabase_ThrowsNamingIt()
    {
        using var provider = KpiSources.CreateProvider(influx.Server.Connection());
        var source = provider.GetRequiredService<IKpiSource>();

        var error = await Assert.ThrowsAsync<KpiSourceException>(
            () => source.QueryAsync(KpiSources.Kpi("no_such_db", "m", []), From, From.AddMinutes(1), Token));

        Assert.Equal("test-kpi", error.KpiName);
        Assert.Contains("database not found: no_such_db", error.Message);
        Assert.Contains("KPI 'test-kpi'", error.Message);
        Assert.Contains(influx.Url.ToString().TrimEnd('/'), error.Message);
    }

    [Fact]
    public async Task Query_UnreachableServer_ThrowsWrapped()
    {
        var port = FreePort();
        using var provider = KpiSources.CreateProvider(new InfluxConnectionOptions { Url = $"http://127.0.0.1:{port}", Timeout = TimeSpan.FromSeconds(5) });
        var source = provider.GetRequiredService<IKpiSource>();

        var error = await Assert.ThrowsAsync<KpiSourceException>(
            () => source.QueryAsync(KpiSources.Kpi("kpi", "m", []), From, From.AddMinutes(1), Token));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains($"http://127.0.0.1:{port}/", error.Message);
        Assert.Contains("the request failed", error.Message);
    }

    [Fact]
    public async Task Query_BasicAuth_AcceptsAndRejects()
    {
        await using var server = await InfluxDbFixture.StartAuthEnabledAsync(Token);
        await server.CreateDatabaseAsync("secure", Token);
        using var http = new HttpClient();
        await new InfluxWriteClient(http, server.Connection()).WriteAsync(
            "secure",
            [InfluxLineProtocol.FormatPoint("m", [new("isp", "a")], [new("f", 2.0)], From)],
            Token);
        var kpi = KpiSources.Kpi("secure", "m", ["isp"]);

        using (var provider = KpiSources.CreateProvider(server.Connection()))
        {
            var series = await provider.GetRequiredService<IKpiSource>().QueryAsync(kpi, From, From.AddMinutes(1), Token);
            Assert.Equal([2.0], Assert.Single(series.Values));
        }

        var wrong = server.Connection();
        wrong.Password = "wrong-password";
        using (var provider = KpiSources.CreateProvider(wrong))
        {
            var error = await Assert.ThrowsAsync<KpiSourceException>(
                () => provider.GetRequiredService<IKpiSource>().QueryAsync(kpi, From, From.AddMinutes(1), Token));
            Assert.Contains("HTTP 401", error.Message);
            Assert.Contains("authorization failed", error.Message);
            Assert.DoesNotContain("wrong-password", error.Message);
        }

        var anonymous = server.Connection();
        anonymous.Username = null;
        anonymous.Password = null;
        using (var provider = KpiSources.CreateProvider(anonymous))
        {
            var error = await Assert.ThrowsAsync<KpiSourceException>(
                () => provider.GetRequiredService<IKpiSource>().QueryAsync(kpi, From, From.AddMinutes(1), Token));
            Assert.Contains("HTTP 401", error.Message);
        }
    }

    [Fact]
    public async Task Query_20000Leaves_ReadsEveryLeaf()
    {
        const int leafCount = 20_000;
        const int windowCount = 9;
        var database = await influx.CreateDatabaseAsync("wide", Token);
        await WriteAsync(database, WideLines(leafCount, windowCount));
        using var provider = KpiSources.CreateProvider(influx.Server.Connection());
        var source = provider.GetRequiredService<IKpiSource>();
        var kpi = KpiSources.Kpi(database, "wide", ["isp", "province", "host"]);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var series = await source.QueryAsync(kpi, From, From.AddMinutes(windowCount), Token);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        TestContext.Current.TestOutputHelper?.WriteLine($"{leafCount} leaves x {windowCount} windows read in {elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(leafCount, series.Leaves.Count);
        var total = 0.0;
        foreach (var values in series.Values)
        {
            Assert.Equal(windowCount, values.Length);
            foreach (var value in values)
            {
                total += value;
            }
        }

        // Leaf i has value (i % 7) + 1 in each window.
        var expected = 0.0;
        for (var i = 0; i < leafCount; i++)
        {
            expected += ((i % 7) + 1) * windowCount;
        }

        Assert.Equal(expected, total);
        var leaf = IndexOfLeaf(series, "isp3", "p30", "h00123");
        Assert.Equal(((123 % 7) + 1) * 1.0, series.Values[leaf][8]);
    }

    private static IEnumerable<string> WideLines(int leafCount, int windowCount)
    {
        for (var window = 0; window < windowCount; window++)
        {
            for (var i = 0; i < leafCount; i++)
            {
                yield return InfluxLineProtocol.FormatPoint(
                    "wide",
                    [new("isp", $"isp{i % 5}"), new("province", $"p{i % 31}"), new("host", $"h{i:D5}")],
                    [new("f", (double)((i % 7) + 1))],
                    From.AddMinutes(window).AddSeconds(1));
            }
        }
    }

    private async Task<KpiSeries> QueryAsync(Rca.Server.Kpis.KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to)
    {
        using var provider = KpiSources.CreateProvider(influx.Server.Connection());
        return await provider.GetRequiredService<IKpiSource>().QueryAsync(kpi, from, to, Token);
    }

    private async Task WriteAsync(string database, IEnumerable<string> lines)
    {
        using var http = new HttpClient();
        await new InfluxWriteClient(http, influx.Server.Connection()).WriteAsync(database, lines, Token);
    }

    private async Task<string> ShowDatabasesAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(
            new Uri(influx.Url, "query"),
            new FormUrlEncodedContent([new("q", "SHOW DATABASES")]),
            Token);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private static int IndexOfLeaf(KpiSeries series, params string[] values)
    {
        for (var i = 0; i < series.Leaves.Count; i++)
        {
            if (series.Leaves[i].AsSpan().SequenceEqual(values))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
