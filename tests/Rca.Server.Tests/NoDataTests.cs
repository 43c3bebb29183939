using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Metrics;
using Rca.Server.Replay;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

/// <summary>Checks of windows whose source query returns no points: data that stopped arriving.</summary>
[Collection(HostCollection.Name)]
public sealed class NoDataTests
{
    // The source has points up to this window, so it and every later window have none.
    private static readonly DateTimeOffset Gap = ServerFactory.Start.AddMinutes(-5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ServerFactory CreateFactory()
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), Gap);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        return factory;
    }

    [Fact]
    public async Task Check_WindowWithoutPoints_StoresNoData()
    {
        using var factory = CreateFactory();

        await factory.RunWindowAsync(TestKpis.Name, Gap, Token);

        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(Token));
        Assert.Equal("no_data", check.Status);
        Assert.Equal(Gap.UtcDateTime, check.WindowStart);
        Assert.Null(check.Actual);
        Assert.Null(check.Forecast);
        Assert.Null(check.IncidentId);
        Assert.Null(check.Error);
        Assert.Equal(8, check.LeafCount);
        Assert.Equal(1, check.Attempts);
        Assert.Equal(0, await factory.QueryAsync(db => db.Incidents.CountAsync(Token)));
        Assert.Empty(factory.Localizer.Tables);
    }

    [Fact]
    public async Task Check_SumDropsToZero_IsAnomalous()
    {
        var sumSeed = TestKpis.SeedJson
            .Replace("\"measure\": \"ratio\"", "\"measure\": \"sum\"", StringComparison.Ordinal)
            .Replace("\"denominatorField\": \"total\",", "", StringComparison.Ordinal);
        Assert.Contains("\"measure\": \"sum\"", sumSeed, StringComparison.Ordinal);
        using var factory = new ServerFactory(sumSeed);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), Gap);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];

        await factory.RunWindowAsync(TestKpis.Name, Gap, Token);

        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(Token));
        Assert.Equal("anomalous", check.Status);
        Assert.Equal(0, check.Actual);
        Assert.True(check.Forecast > 0);
        Assert.NotNull(check.IncidentId);
    }

    [Fact]
    public async Task Check_WindowWithPoints_IsStillOk()
    {
        using var factory = CreateFactory();

        await factory.RunWindowAsync(TestKpis.Name, Gap.AddMinutes(-1), Token);

        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(Token));
        Assert.Equal("ok", check.Status);
        Assert.NotNull(check.Actual);
    }

    [Fact]
    public async Task Api_NoData_DegradesHealth()
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient();
        await factory.RunWindowAsync(TestKpis.Name, Gap.AddMinutes(-1), Token);

        var healthBefore = await client.GetFromJsonAsync<HealthReport>("/healthz", Token);
        factory.Clock.Now += TimeSpan.FromMinutes(1);
        await factory.RunWindowAsync(TestKpis.Name, Gap, Token);
        var noData = await client.GetFromJsonAsync<Page<KpiCheckDto>>("/api/v1/kpis/failure-rate/checks?status=no_data", Token);
        var ok = await client.GetFromJsonAsync<Page<KpiCheckDto>>("/api/v1/kpis/failure-rate/checks?status=ok", Token);
        var health = await client.GetFromJsonAsync<HealthReport>("/healthz", Token);

        Assert.Equal("ok", healthBefore!.Status);
        Assert.Equal(1, noData!.Total);
        var item = Assert.Single(noData.Items);
        Assert.Equal("no_data", item.Status);
        Assert.Equal(Gap, item.WindowStart);
        Assert.Null(item.Actual);
        Assert.Equal(1, ok!.Total);

        Assert.Equal("degraded", health!.Status);
        var source = Assert.Single(health.Sources);
        Assert.Equal("influxql:default/test", source.Source);
        Assert.Equal(["failure-rate"], source.Kpis);
        Assert.Equal("KPI 'failure-rate' has no data in the window at 2026-03-01T11:55:00.0000000+00:00; check that its points are still written.", source.LastError);
    }

    [Fact]
    public async Task Metrics_NoDataCheck_CountsByResult()
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient();

        await factory.RunWindowAsync(TestKpis.Name, Gap.AddMinutes(-1), Token);
        await factory.RunWindowAsync(TestKpis.Name, Gap, Token);
        await factory.RunWindowAsync(TestKpis.Name, Gap.AddMinutes(1), Token);

        var scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));
        var kpi = (RcaMetricNames.KpiLabel, TestKpis.Name);
        Assert.Equal(2, scrape.Value("rca_checks_total", kpi, ("result", "no_data")));
        Assert.Equal(1, scrape.Value("rca_checks_total", kpi, ("result", "ok")));
        Assert.Equal(2, scrape.Value("rca_check_duration_seconds_count", kpi, ("result", "no_data")));
    }

    [Fact]
    public async Task Scheduled_NoDataWindows_AreNotCheckedAgain()
    {
        using var factory = CreateFactory();
        factory.Clock.Now = Gap.AddMinutes(3).AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, Token);
        var queries = factory.Source.QueryCount;

        await factory.RunScheduledAsync(TestKpis.Name, Token);

        var checks = await factory.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).ToListAsync(Token));
        var check = Assert.Single(checks);
        Assert.Equal("no_data", check.Status);
        Assert.Equal(Gap.AddMinutes(2).UtcDateTime, check.WindowStart);
        Assert.Equal(1, check.Attempts);
        Assert.Equal(queries, factory.Source.QueryCount);

        factory.Clock.Now = Gap.AddMinutes(5).AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, Token);

        var windows = await factory.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).Select(c => c.WindowStart).ToListAsync(Token));
        Assert.Equal([Gap.AddMinutes(2).UtcDateTime, Gap.AddMinutes(3).UtcDateTime, Gap.AddMinutes(4).UtcDateTime], windows);
    }

    [Fact]
    public async Task Replay_LateData_ChecksNoDataWindowAgain()
    {
        using var factory = CreateFactory();
        await factory.RunWindowAsync(TestKpis.Name, Gap, Token);
        TestKpis.AddMinutes(factory.Source, Gap, Gap.AddMinutes(1));

        await using var scope = factory.Services.CreateAsyncScope();
        var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
        var run = await replay.RunAsync(TestKpis.Name, Gap, Gap.AddMinutes(1), factory.Clock.GetUtcNow(), Token);

        Assert.Equal(new ReplaySummary("failure-rate", Gap, Gap.AddMinutes(1), 1, 0, 1), run.Summary);
        var window = Assert.Single(run.Windows);
        Assert.Equal("ok", window.Status);
        Assert.False(window.Kept);
        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(Token));
        Assert.Equal("ok", check.Status);
        Assert.Equal(0.06, check.Actual!.Value, 12);
        Assert.Equal(2, check.Attempts);
    }
}
