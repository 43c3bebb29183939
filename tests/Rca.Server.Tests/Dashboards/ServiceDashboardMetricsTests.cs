using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Calibration;
using Rca.Server.Jobs;
using Rca.Server.Metrics;
using Rca.Server.Tests.Calibration;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Dashboards;

/// <summary>
/// Every metric that a PromQL query of <c>dashboards/rcaservice.json</c> selects is exported by
/// <c>/metrics</c> of a host that ran KPI checks (scripted source and localizer) and a calibration
/// run over a real influxd.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ServiceDashboardMetricsTests(InfluxDbFixture influx)
{
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServiceDashboard_EveryMetric_IsExported()
    {
        var dashboard = DashboardFiles.Load("rcaservice.json");
        var scrape = await ScrapeAfterWorkAsync();
        var exported = scrape.SelectableNames();

        var referenced = new List<(string Where, string Metric)>();
        foreach (var (panel, query) in DashboardFiles.Queries(dashboard))
        {
            referenced.AddRange(PromQlMetricNames.Extract(query).Select(metric => ($"panel '{panel}'", metric)));
        }

        foreach (var (variable, query) in DashboardFiles.VariableQueries(dashboard))
        {
            var metric = PromQlMetricNames.FromLabelValuesQuery(query);
            Assert.True(metric is not null, $"variable '{variable}': expected label_values(metric, label), got '{query}'");
            referenced.Add(($"variable '{variable}'", metric));
        }

        var missing = referenced.Where(r => !exported.Contains(r.Metric)).Select(r => $"{r.Where}: {r.Metric}").ToList();
        Assert.True(missing.Count == 0, "Not exported by /metrics: " + string.Join("; ", missing));

        // Every instrument of the service appears on the dashboard.
        var families = referenced.Select(r => BaseName(r.Metric, scrape)).ToHashSet(StringComparer.Ordinal);
        string[] instruments =
        [
            RcaMetricNames.CheckDuration, RcaMetricNames.Checks, RcaMetricNames.LocalizationDuration, RcaMetricNames.InfluxQueryDuration,
            RcaMetricNames.IncidentsOpened, RcaMetricNames.NotificationsDelivered, RcaMetricNames.NotificationsFailed,
            RcaMetricNames.HangfireQueueLength, RcaMetricNames.CalibrationChecks,
        ];
        Assert.All(instruments, instrument => Assert.Contains(instrument, families));
    }

    private async Task<PrometheusText> ScrapeAfterWorkAsync()
    {
        var database = await CalibrationStreams.WriteAsync(influx, CalibrationStreams.Generate(), Token);
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var host = factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in CalibrationStreams.Settings(influx, database))
            {
                builder.UseSetting(key, value);
            }
        });
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start, Anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        using var client = host.CreateClient();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KpiCheckJob>().RunWindowAsync(TestKpis.Name, Anomaly, "schedule", Token);
            factory.Source.Failure = new HttpRequestException("Connection refused");
            await Assert.ThrowsAsync<KpiCheckFailedException>(
                () => scope.ServiceProvider.GetRequiredService<KpiCheckJob>().RunWindowAsync(TestKpis.Name, Anomaly.AddMinutes(-1), "schedule", Token));

            factory.Clock.Now = CalibrationStreams.End.AddMinutes(31);
            await scope.ServiceProvider.GetRequiredService<CalibrationCheckJob>().RunAsync(CalibrationStreams.ModelName, Token);
        }

        // No channel is configured in this host, so nothing is dispatched. The test records one
        // delivery and one failure itself so that the series the dashboard queries exist.
        var metrics = host.Services.GetRequiredService<RcaMetrics>();
        metrics.RecordNotificationDelivered("ops-slack");
        metrics.RecordNotificationFailed("ops-slack");

        (await client.GetAsync("/healthz", Token)).EnsureSuccessStatusCode();

        // The hosting meter records a request's duration after its response is sent: poll for a
        // bounded time until the series is in the scrape.
        var scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));
        for (var attempt = 0; attempt < 50 && !scrape.Families.ContainsKey("http_server_request_duration_seconds"); attempt++)
        {
            await Task.Delay(100, Token);
            scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));
        }

        return scrape;
    }

    private static string BaseName(string metric, PrometheusText scrape)
    {
        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (metric.EndsWith(suffix, StringComparison.Ordinal) && scrape.Families.TryGetValue(metric[..^suffix.Length], out var type) && type == "histogram")
            {
                return metric[..^suffix.Length];
            }
        }

        return metric;
    }
}
