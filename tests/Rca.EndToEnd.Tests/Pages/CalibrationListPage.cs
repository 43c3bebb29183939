using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The calibration model list at <c>/calibration</c>.</summary>
internal sealed class CalibrationListPage(IPage page, Uri baseUrl)
{
    /// <summary>The page root once the circuit is interactive.</summary>
    public ILocator Ready => page.Locator("#calibration-list[data-interactive=true]");

    /// <summary>The links that open a model, one per row.</summary>
    public ILocator ModelLinks => page.Locator("#calibration-models a.model-link");

    /// <summary>Loads the list and waits for the circuit.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, "calibration").ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }

    /// <summary>Returns the table row of model <paramref name="model"/>.</summary>
    public ILocator Row(string model) =>
        page.Locator("#calibration-models tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator($"a.model-link[href='{CalibrationModelPage.PathOf(model)}']") });

    /// <summary>Returns the verdict chip of model <paramref name="model"/>; its <c>data-verdict</c> is the API verdict.</summary>
    public ILocator Verdict(string model) => Row(model).Locator("td.model-verdict [data-verdict]");

    /// <summary>Returns the calibration ratio cell of model <paramref name="model"/>.</summary>
    public ILocator Ratio(string model) => Row(model).Locator("td.model-ratio");

    /// <summary>Opens model <paramref name="model"/> through its link (in-app navigation, same circuit).</summary>
    public async Task<CalibrationModelPage> OpenAsync(string model)
    {
        await page.Locator($"#calibration-models a.model-link[href='{CalibrationModelPage.PathOf(model)}']").ClickAsync();
        var modelPage = new CalibrationModelPage(page, baseUrl, model);
        await Expect(modelPage.Ready).ToBeVisibleAsync();
        return modelPage;
    }
}
