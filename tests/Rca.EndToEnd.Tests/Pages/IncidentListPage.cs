using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The incident list at <c>/incidents</c>.</summary>
internal sealed class IncidentListPage(IPage page, Uri baseUrl)
{
    /// <summary>The page root once the circuit is interactive.</summary>
    public ILocator Ready => page.Locator("#incident-list[data-interactive=true]");

    /// <summary>The links that open an incident, one per row.</summary>
    public ILocator IncidentLinks => page.Locator("a.incident-link");

    /// <summary>The title, which follows the UI language.</summary>
    public ILocator Title => page.Locator("#incident-list h1");

    /// <summary>Loads the list and waits for the circuit, because a click before it connects is lost.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, "incidents").ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }

    /// <summary>Returns the table row of incident <paramref name="id"/>.</summary>
    public ILocator Row(long id) =>
        page.Locator("#incidents tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator($"a.incident-link[href='incidents/{id}']") });

    /// <summary>Returns the KPI cell of incident <paramref name="id"/>.</summary>
    public ILocator Kpi(long id) => Row(id).Locator("td.incident-kpi");

    /// <summary>Returns the root-cause cell text of incident <paramref name="id"/>: the first combination of its root cause.</summary>
    public ILocator TopRootCause(long id) => Row(id).Locator("td.incident-root-cause code");

    /// <summary>Returns the status chip of incident <paramref name="id"/>.</summary>
    public ILocator Status(long id) => Row(id).Locator("[data-status]");

    /// <summary>Opens incident <paramref name="id"/> through its link (in-app navigation, same circuit).</summary>
    public async Task<IncidentPage> OpenAsync(long id)
    {
        await page.Locator($"a.incident-link[href='incidents/{id}']").ClickAsync();
        var incident = new IncidentPage(page, baseUrl, id);
        await Expect(incident.Ready).ToBeVisibleAsync();
        return incident;
    }
}
