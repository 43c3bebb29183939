using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The page of one incident at <c>/incidents/{id}</c>.</summary>
internal sealed class IncidentPage(IPage page, Uri baseUrl, long id)
{
    /// <summary>The incident id in the URL.</summary>
    public long Id => id;

    /// <summary>The page root once the circuit is interactive and the incident has loaded.</summary>
    public ILocator Ready => page.Locator("#incident[data-interactive=true] #incident-status");

    /// <summary>The status chip; its <c>data-status</c> attribute is the API status.</summary>
    public ILocator Status => page.Locator("#incident-status [data-status]");

    /// <summary>The acknowledge button.</summary>
    public ILocator Acknowledge => page.Locator("#acknowledge");

    /// <summary>The actor column of the status history.</summary>
    public ILocator HistoryActors => page.Locator("#history td.history-actor");

    /// <summary>The rows of the root-cause table, one per set, by descending impact.</summary>
    public ILocator RootCauseSets => page.Locator("#root-causes tr.root-cause-set");

    /// <summary>The SVG of the actual and forecast chart.</summary>
    public ILocator Chart => page.Locator("#series-chart svg").First;

    /// <summary>The cells of the drill-down heatmap.</summary>
    public ILocator HeatmapCells => page.Locator("#heatmap td.heatmap-cell");

    /// <summary>The heatmap cells outlined as part of a root cause.</summary>
    public ILocator HeatmapRootCauseCells => page.Locator("#heatmap td.heatmap-cell[data-root-cause=true]");

    /// <summary>Loads the page directly and waits for the circuit.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, $"incidents/{id}").ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }

    /// <summary>Returns the combinations of root-cause set <paramref name="index"/> as the table shows them.</summary>
    public async Task<IReadOnlyList<string>> RootCauseCombinationsAsync(int index)
    {
        var codes = RootCauseSets.Nth(index).Locator("code.root-cause-combination");
        var texts = await codes.AllInnerTextsAsync();
        return [.. texts.Select(text => text.Trim())];
    }
}
