using System.Net.Http.Json;
using Rca.Contracts;
using Rca.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests;

/// <summary>Drives the system page: readiness of InfluxDB and the store, Hangfire counts and recurring jobs.</summary>
public sealed class SystemTests(DemoServer server)
{
    [Fact]
    public async Task System_ReadinessJobsHangfireLink()
    {
        var ct = TestContext.Current.CancellationToken;
        var readiness = await server.Api.GetFromJsonAsync<ReadinessReport>("readyz", ct)
            ?? throw new InvalidOperationException("GET readyz returned an empty body.");
        Assert.Equal("ready", readiness.Status);

        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        var system = new SystemPage(page, server.BaseUrl);
        await system.GotoAsync();

        // Readiness: the same checks as /readyz, here the default InfluxDB connection and the store.
        await Expect(system.Status).ToHaveAttributeAsync("data-readiness", "ready");
        await Expect(system.Status).ToHaveTextAsync("Ready");
        await Expect(system.Checks).ToHaveCountAsync(readiness.Checks.Count);
        await Expect(system.CheckStatus("influx:default")).ToHaveAttributeAsync("data-readiness", "ok");
        await Expect(system.CheckStatus("store")).ToHaveAttributeAsync("data-readiness", "ok");
        await Expect(page.Locator("#readiness tr.readiness-check[data-name='influx:default']")).ToContainTextAsync(server.InfluxUrl.Authority);

        // Jobs: one Hangfire server in this process, the default queue, and one check job per demo KPI.
        await Expect(system.Servers).ToHaveTextAsync("1");
        await Expect(system.FailedCount).ToHaveTextAsync("0");
        await Expect(system.Queues.First).ToBeAttachedAsync();
        var jobIds = (await system.RecurringJobIds.AllInnerTextsAsync()).Select(id => id.Trim()).ToList();
        foreach (var demoCase in server.Manifest.Cases)
        {
            Assert.Contains("kpi-check:" + demoCase.Kpi.Name, jobIds);
        }

        Assert.Contains("calibration-check:ctr-demo", jobIds);

        await Expect(system.HangfireLink).ToBeVisibleAsync();
        await Expect(system.HangfireLink).ToHaveAttributeAsync("href", "/hangfire");
        await Screenshots.TakeAsync(page, "system");
    }
}
