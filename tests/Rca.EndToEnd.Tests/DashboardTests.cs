using Microsoft.Playwright;
using Rca.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// Drives the incident dashboard in headless Chromium against the server on a real Kestrel socket,
/// with the demo's five RS incidents written to a real influxd and replayed.
/// </summary>
public sealed class DashboardTests(DemoServer server)
{
    // The one demo case whose localized root cause equals its RS label (DemoRootCauseTests in the
    // server tests checks all five against the offline evaluation).
    private const string LabelMatchingKpi = "rs-case70";

    [Fact]
    public async Task Dashboard_ListDetailAcknowledgeLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        TestContext.Current.TestOutputHelper?.WriteLine($"server: {server.BaseUrl}, screenshots: {Screenshots.Directory}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await Chromium.KeepOnLoopbackAsync(page);
        var language = new LanguageSwitch(page);

        // The list: one row per demo case, with the KPI and first root-cause combination the API returns.
        var list = new IncidentListPage(page, server.BaseUrl);
        await list.GotoAsync();
        await Expect(list.IncidentLinks).ToHaveCountAsync(server.Manifest.Cases.Count);
        Assert.Equal(
            server.Manifest.Cases.Select(c => c.Kpi.Name).Order(StringComparer.Ordinal),
            server.Incidents.Select(i => i.Kpi).Order(StringComparer.Ordinal));

        // Statuses come from the API now, since other tests may have changed incidents before this one.
        foreach (var incident in await server.ListIncidentsAsync(ct))
        {
            await Expect(list.Kpi(incident.Id)).ToHaveTextAsync(incident.Kpi);
            await Expect(list.TopRootCause(incident.Id)).ToHaveTextAsync(incident.RootCause.Split(';')[0]);
            await Expect(list.Status(incident.Id)).ToHaveAttributeAsync("data-status", incident.Status);
        }

        await Screenshots.TakeAsync(page, "incidents");
        await Screenshots.TakeReadmeImageAsync(page, "dashboard-incidents", page.Locator("#incident-count"));

        // The incident: its root-cause table shows the API's sets, and here the RS label.
        var target = server.IncidentOf(LabelMatchingKpi);
        var expectedCause = server.Manifest.Cases.Single(c => c.Kpi.Name == LabelMatchingKpi).Cause;
        var detail = await server.GetIncidentAsync(target.Id, ct);
        var incidentPage = await list.OpenAsync(target.Id);
        await Expect(incidentPage.Status).ToHaveAttributeAsync("data-status", "open");
        await Expect(incidentPage.RootCauseSets).ToHaveCountAsync(detail.RootCauseSets.Count);
        var tableCombinations = new List<string>();
        for (var i = 0; i < detail.RootCauseSets.Count; i++)
        {
            var combinations = await incidentPage.RootCauseCombinationsAsync(i);
            Assert.Equal(detail.RootCauseSets[i].Combinations, combinations);
            tableCombinations.AddRange(combinations);
        }

        Assert.Equal(detail.Summary.RootCause.Split(';').Order(StringComparer.Ordinal), tableCombinations.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expectedCause, detail.Summary.RootCause);

        await Expect(incidentPage.Chart).ToBeVisibleAsync();
        await Expect(incidentPage.Chart.Locator("path").First).ToBeAttachedAsync();
        await Expect(incidentPage.HeatmapCells.First).ToBeVisibleAsync();
        await Expect(incidentPage.HeatmapRootCauseCells.First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "incident");

        // Acknowledge: the chip changes, the history names the dashboard and the API agrees.
        await incidentPage.Acknowledge.ClickAsync();
        await Expect(incidentPage.Status).ToHaveAttributeAsync("data-status", "acknowledged");
        await Expect(incidentPage.Status).ToHaveTextAsync("Acknowledged");
        await Expect(incidentPage.Acknowledge).ToBeDisabledAsync();
        await Expect(incidentPage.HistoryActors).ToHaveTextAsync("dashboard");
        var stored = await server.GetIncidentAsync(target.Id, ct);
        Assert.Equal("acknowledged", stored.Summary.Status);
        Assert.Equal("dashboard", Assert.Single(stored.History).Actor);
        await Screenshots.TakeAsync(page, "incident-acknowledged");

        // Simplified Chinese, on the same incident, then the list, then back to English.
        await language.SwitchAsync(LanguageSwitch.SimplifiedChinese, incidentPage.Ready);
        await Expect(incidentPage.Acknowledge).ToHaveTextAsync("确认");
        await Expect(incidentPage.Status).ToHaveTextAsync("已确认");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "根因" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "incident-zh-Hans");
        await Screenshots.TakeReadmeImageAsync(page, "dashboard-incident-zh-Hans", page.Locator(".mud-paper:has(#heatmap)"));

        await list.GotoAsync();
        await Expect(list.Title).ToHaveTextAsync("事件");
        await Expect(list.Status(target.Id)).ToHaveTextAsync("已确认");
        await Screenshots.TakeAsync(page, "incidents-zh-Hans");

        await language.SwitchAsync(LanguageSwitch.English, list.Ready);
        await Expect(list.Title).ToHaveTextAsync("Incidents");
        await Expect(list.Status(target.Id)).ToHaveTextAsync("Acknowledged");
    }
}
