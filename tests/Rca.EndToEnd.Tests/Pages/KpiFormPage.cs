using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The KPI form at <c>/kpis/_new</c> and <c>/kpis/{name}/edit</c>.</summary>
internal sealed class KpiFormPage(IPage page, Uri baseUrl)
{
    /// <summary>The form root once the circuit is interactive and the form has rendered.</summary>
    public ILocator Ready => page.Locator("#kpi-form[data-interactive=true] #kpi-save");

    /// <summary>The error alert of the last test or save, for a problem that names no form field.</summary>
    public ILocator FormError => page.Locator("#kpi-form-error");

    /// <summary>The result of the last "Test query".</summary>
    public ILocator TestResult => page.Locator("#kpi-test-result");

    /// <summary>The window the test query read, for example "2026-12-05 00:14 – 00:15 UTC".</summary>
    public ILocator TestWindow => page.Locator("#test-window");

    /// <summary>The number of leaves with data in the tested window.</summary>
    public ILocator TestLeaves => page.Locator("#test-leaves");

    /// <summary>The KPI total of the tested window.</summary>
    public ILocator TestTotal => page.Locator("#test-total");

    /// <summary>The rows of the attribute table of the test result, one per attribute.</summary>
    public ILocator TestAttributes => page.Locator("#test-attributes tr.test-attribute");

    /// <summary>The checkbox of the enabled switch, found whether MudSwitch puts the id on the input or on an ancestor.</summary>
    public ILocator Enabled => page.Locator("#kpi-enabled").Locator("xpath=self::input | .//input");

    /// <summary>Returns the text input of the field with id <paramref name="id"/>, such as <c>kpi-interval</c>.</summary>
    public ILocator Input(string id) => page.Locator($"input#{id}");

    /// <summary>Returns the helper or error text under the field with id <paramref name="id"/>.</summary>
    public ILocator HelperText(string id) =>
        page.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = page.Locator($"input#{id}") }).Locator(".mud-input-helper-text");

    /// <summary>Loads the new-KPI form directly and waits for the circuit.</summary>
    public async Task GotoNewAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, "kpis/_new").ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }

    /// <summary>Replaces the text of field <paramref name="id"/> and leaves it, which is when the form reads it.</summary>
    public async Task FillAsync(string id, string value)
    {
        var input = Input(id);
        await input.FillAsync(value);
        await input.BlurAsync();
        await Expect(input).ToHaveValueAsync(value);
    }

    /// <summary>Picks the item with text <paramref name="item"/> in the select wrapped by <c>data-testid=<paramref name="testId"/></c>.</summary>
    public async Task SelectAsync(string testId, string item)
    {
        await page.Locator($"[data-testid={testId}] .mud-input-control").ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = item });
        await option.ClickAsync();
        await Expect(option).ToBeHiddenAsync();
    }

    /// <summary>Clicks "Test query" and waits for its result.</summary>
    public async Task TestAsync()
    {
        await page.Locator("#kpi-test").ClickAsync();
        await Expect(TestResult).ToBeVisibleAsync();
    }

    /// <summary>Clicks "Save".</summary>
    public Task SaveAsync() => page.Locator("#kpi-save").ClickAsync();
}
