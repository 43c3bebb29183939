using Microsoft.Playwright;

namespace Rca.EndToEnd.Tests;

/// <summary>A headless Chromium with one English 1280 × 800 page kept on loopback, for one test.</summary>
internal sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    /// <summary>The page the test drives.</summary>
    public IPage Page { get; }

    /// <summary>Launches Chromium and opens the page.</summary>
    public static async Task<Browser> OpenAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await Chromium.KeepOnLoopbackAsync(page);
        return new Browser(playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
