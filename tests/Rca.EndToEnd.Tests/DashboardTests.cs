using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rca.Contracts;
using Rca.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// Drives the dashboard in headless Chromium against the server on a real Kestrel socket, with
/// three incidents from the scripted KPI source.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DashboardTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Dashboard_ListDetailAcknowledgeLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Screenshots);
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct, host => host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0)));
        var baseUrl = factory.ClientOptions.BaseAddress.ToString();
        Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
        using var api = factory.CreateClient();
        var incidents = (await api.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents", ct))!;
        var newest = incidents.Items[0];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await Chromium.KeepOnLoopbackAsync(page);

        // A click before the circuit connects is lost, so every full load waits for the marker.
        await page.GotoAsync(baseUrl + "incidents");
        await Expect(page.Locator("#incident-list[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("a.incident-link")).ToHaveCountAsync(incidents.Total);
        await Expect(page.Locator("td.incident-root-cause code").First).ToHaveTextAsync("region=eu");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "incidents.png"), FullPage = true });

        await page.Locator($"a.incident-link[href='incidents/{newest.Id}']").ClickAsync();
        await Expect(page.Locator("#incident[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("#root-causes code.root-cause-combination").First).ToHaveTextAsync("region=eu");
        await Expect(page.Locator("#incident-status [data-status]")).ToHaveAttributeAsync("data-status", "open");
        await Expect(page.Locator("#series-chart svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#heatmap td[data-root-cause=true]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "incident.png"), FullPage = true });

        await page.Locator("#acknowledge").ClickAsync();
        await Expect(page.Locator("#incident-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");
        await Expect(page.Locator("#history td.history-actor")).ToHaveTextAsync("dashboard");
        var stored = await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{newest.Id}", ct);
        Assert.Equal("acknowledged", stored!.Summary.Status);
        Assert.Equal("dashboard", Assert.Single(stored.History).Actor);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "incident-acknowledged.png"), FullPage = true });

        await page.Locator("#language-zh-Hans").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/incidents/{newest.Id}", StringComparison.Ordinal));
        await Expect(page.Locator("#incident[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(page.Locator("#acknowledge")).ToHaveTextAsync("确认");
        await Expect(page.Locator("#incident-status [data-status]")).ToHaveTextAsync("已确认");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "incident-zh-Hans.png"), FullPage = true });
    }
}
