using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>
/// The sign-in form at <c>/signin</c>, shown when <c>Api:AnonymousRead</c> is false. It is a plain
/// form without a circuit, so it has no interactive marker.
/// </summary>
internal sealed class SignInPage(IPage page)
{
    /// <summary>The page root.</summary>
    public ILocator Root => page.Locator("#signin");

    /// <summary>The error alert after a rejected key.</summary>
    public ILocator Error => page.Locator("#signin-error");

    /// <summary>The user name the top bar shows once signed in.</summary>
    public ILocator SignedInAs => page.Locator("#signed-in-as");

    /// <summary>The sign-out button in the top bar.</summary>
    public ILocator SignOut => page.Locator("#sign-out");

    /// <summary>Types <paramref name="key"/> and submits the form, which posts it and follows the redirect.</summary>
    public async Task SubmitAsync(string key)
    {
        await Expect(Root).ToBeVisibleAsync();
        await page.Locator("#signin-key").FillAsync(key);
        await page.Locator("#signin-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
