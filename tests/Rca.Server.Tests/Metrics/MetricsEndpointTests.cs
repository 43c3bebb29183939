using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Jobs;
using Rca.Server.Metrics;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Metrics;

/// <summary>The <c>/metrics</c> endpoint after checks ran through the scripted source and localizer.</summary>
[Collection(HostCollection.Name)]
public sealed class MetricsEndpointTests
{
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);
    private static readonly DateTimeOffset Normal = ServerFactory.Start.AddMinutes(-12);
    private static readonly DateTimeOffset Failing = ServerFactory.Start.AddMinutes(-14);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AfterChecks_CountsByKpiAndResult()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start, Anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        using var client = factory.CreateClient();

        await factory.RunWindowAsync(TestKpis.Name, Normal, Token);
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, Token);
        factory.Source.Failure = new HttpRequestException("Connection refused");
        await Assert.ThrowsAsync<KpiCheckFailedException>(() => factory.RunWindowAsync(TestKpis.Name, Failing, Token));

        // A window already checked ok is kept without running, so it is not counted again.
        await factory.RunWindowAsync(TestKpis.Name, Normal, Token);
        factory.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<KpiCheckJob>(job => job.RunWindowAsync(TestKpis.Name, Normal, CheckTrigger.Replay, CancellationToken.None));

        using var response = await client.GetAsync("/metrics", Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        var scrape = PrometheusText.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var kpi = (RcaMetricNames.KpiLabel, TestKpis.Name);
        Assert.Equal(1, scrape.Value("rca_checks_total", kpi, ("result", "ok")));
        Assert.Equal(1, scrape.Value("rca_checks_total", kpi, ("result", "anomalous")));
        Assert.Equal(1, scrape.Value("rca_checks_total", kpi, ("result", "failed")));
        Assert.Equal(1, scrape.Value("rca_check_duration_seconds_count", kpi, ("result", "anomalous")));
        Assert.Equal(1, scrape.Value("rca_localization_duration_seconds_count", kpi));
        Assert.Equal(factory.Source.QueryCount, scrape.Value("rca_influx_query_duration_seconds_count", kpi));
        Assert.Equal(1, scrape.Value("rca_incidents_opened_total", kpi));
        Assert.Equal(1, scrape.Value("rca_hangfire_queue_length"));
        Assert.Equal("histogram", scrape.Families["rca_check_duration_seconds"]);
        Assert.Equal("counter", scrape.Families["rca_checks_total"]);
        Assert.Equal("gauge", scrape.Families["rca_hangfire_queue_length"]);
    }

    [Fact]
    public async Task Metrics_HistogramBuckets_AreSeconds()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start);
        using var client = factory.CreateClient();

        await factory.RunWindowAsync(TestKpis.Name, Normal, Token);
        var scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));

        var bounds = scrape.Samples
            .Where(s => s.Name == "rca_check_duration_seconds_bucket")
            .Select(s => s.Labels["le"])
            .ToList();
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "+Inf"], bounds);
    }

    [Fact]
    public async Task Metrics_HttpServer_KeepsOnlyRequestMeters()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        (await client.GetAsync("/healthz", Token)).EnsureSuccessStatusCode();

        // The hosting meter records a request's duration after its response is sent, so the
        // first scrape can come before it: poll for a bounded time.
        var scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));
        for (var attempt = 0; attempt < 50 && !scrape.Families.ContainsKey("http_server_request_duration_seconds"); attempt++)
        {
            await Task.Delay(100, Token);
            scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));
        }

        Assert.Contains("http_server_request_duration_seconds", scrape.Families.Keys);

        // OpenTelemetry listens to meters by name across the process, so hosts of other test
        // classes running at the same time can add their own /healthz requests to this count.
        Assert.True(scrape.Value("http_server_request_duration_seconds_count", ("http_route", "/healthz")) >= 1);
        Assert.DoesNotContain(scrape.Families.Keys, name => name.StartsWith("aspnetcore_", StringComparison.Ordinal) || name.StartsWith("kestrel_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_LeavesOutMetrics()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Token);

        Assert.DoesNotContain("\"/metrics\"", document);
        Assert.Contains("\"/readyz\"", document);
    }
}
