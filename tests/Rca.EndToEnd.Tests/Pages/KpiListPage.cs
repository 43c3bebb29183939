using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The KPI list at <c>/kpis</c>.</summary>
internal sealed class KpiListPage(IPage page, Uri baseUrl)
{
    /// <summary>The page root once the circuit is interactive.</summary>
    public ILocator Ready => page.Locator("#kpi-list[data-interactive=true]");

    /// <summary>The links that open a KPI, one per row.</summary>
    public ILocator KpiLinks => page.Locator("#kpis a.kpi-link");

    /// <summary>The button that opens the new-KPI form; absent when the dashboard cannot change KPIs.</summary>
    public ILocator NewKpi => page.Locator("#kpi-new");

    /// <summary>Loads the list and waits for the circuit, because a click before it connects is lost.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, "kpis").ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }

    /// <summary>Returns the table row of KPI <paramref name="name"/>.</summary>
    public ILocator Row(string name) =>
        page.Locator("#kpis tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator($"a.kpi-link[href='{KpiPage.PathOf(name)}']") });

    /// <summary>Returns the check-status chip of KPI <paramref name="name"/>; its <c>data-check-status</c> is the API status.</summary>
    public ILocator State(string name) => Row(name).Locator("td.kpi-state [data-check-status]");

    /// <summary>Returns the state cell of KPI <paramref name="name"/>, which reads "not checked yet" without a check.</summary>
    public ILocator StateCell(string name) => Row(name).Locator("td.kpi-state");

    /// <summary>Returns the cell with the latest check's actual value of KPI <paramref name="name"/>.</summary>
    public ILocator Actual(string name) => Row(name).Locator("td.kpi-actual");

    /// <summary>Returns the enabled cell (Yes or No) of KPI <paramref name="name"/>.</summary>
    public ILocator Enabled(string name) => Row(name).Locator("td.kpi-enabled");

    /// <summary>Opens KPI <paramref name="name"/> through its link (in-app navigation, same circuit).</summary>
    public async Task<KpiPage> OpenAsync(string name)
    {
        await page.Locator($"#kpis a.kpi-link[href='{KpiPage.PathOf(name)}']").ClickAsync();
        var kpi = new KpiPage(page, baseUrl, name);
        await Expect(kpi.Ready).ToBeVisibleAsync();
        return kpi;
    }

    /// <summary>Opens the new-KPI form through its button.</summary>
    public async Task<KpiFormPage> OpenNewAsync()
    {
        await NewKpi.ClickAsync();
        var form = new KpiFormPage(page, baseUrl);
        await Expect(form.Ready).ToBeVisibleAsync();
        return form;
    }
}
