using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The page of one KPI at <c>/kpis/{name}</c>: definition, checks chart, checks and incidents.</summary>
internal sealed class KpiPage(IPage page, Uri baseUrl, string name)
{
    /// <summary>The page root once the circuit is interactive and the KPI has loaded.</summary>
    public ILocator Ready => page.Locator("#kpi[data-interactive=true] #kpi-definition");

    /// <summary>The KPI's measure as the definition table shows it, for example <c>ratio(failures / total)</c>.</summary>
    public ILocator Measure => page.Locator("#kpi-measure");

    /// <summary>The rows of the checks table, newest window first.</summary>
    public ILocator CheckRows => page.Locator("#kpi-checks tbody tr");

    /// <summary>The status chips of the checks table.</summary>
    public ILocator CheckStates => page.Locator("#kpi-checks tbody [data-check-status]");

    /// <summary>The check count caption, for example "50 of 63 checks".</summary>
    public ILocator CheckCount => page.Locator("#kpi-check-count");

    /// <summary>The SVG of the actual and forecast chart over the checks.</summary>
    public ILocator ChecksChart => page.Locator("#kpi-checks-chart svg").First;

    /// <summary>The links of the KPI's incidents table.</summary>
    public ILocator IncidentLinks => page.Locator("#kpi-incidents a.incident-link");

    /// <summary>The edit button; absent when the dashboard cannot change KPIs.</summary>
    public ILocator Edit => page.Locator("#kpi-edit");

    /// <summary>Returns the relative link of the page of KPI <paramref name="kpi"/>, as the dashboard writes it.</summary>
    public static string PathOf(string kpi) => "kpis/" + Uri.EscapeDataString(kpi);

    /// <summary>Loads the page directly and waits for the circuit.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, PathOf(name)).ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }
}
