using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The English / 简体中文 buttons in the top bar, present on every page.</summary>
internal sealed class LanguageSwitch(IPage page)
{
    /// <summary>The culture tag of English in the switch and the <c>lang</c> attribute.</summary>
    public const string English = "en";

    /// <summary>The culture tag of Simplified Chinese in the switch and the <c>lang</c> attribute.</summary>
    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>
    /// Clicks the button of <paramref name="tag"/> and waits for the reload it causes: the document
    /// language becomes <paramref name="tag"/>, the browser is back on the same path and
    /// <paramref name="ready"/> (the page's interactive marker) is visible again.
    /// </summary>
    /// <remarks>
    /// The switch goes through the culture route, which sets the cookie and redirects back. The
    /// <c>lang</c> attribute changes only in the reloaded document, so the old page's marker can
    /// no longer satisfy <paramref name="ready"/> once it has changed.
    /// </remarks>
    public async Task SwitchAsync(string tag, ILocator ready)
    {
        var path = new Uri(page.Url).AbsolutePath;
        await page.Locator($"#language-{tag}").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", tag);
        await Expect(ready).ToBeVisibleAsync();
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
    }
}
