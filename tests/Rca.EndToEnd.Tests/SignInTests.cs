using Microsoft.Playwright;
using Rca.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// Drives the dashboard sign-in on a second host with <c>Api:AnonymousRead</c> false: the
/// redirect to <c>/signin</c>, a wrong key, a read key that opens the incidents without change
/// controls, and sign-out.
/// </summary>
public sealed class SignInTests(DemoServer server)
{
    private const string ReaderName = "e2e-reader";

    [Fact]
    public async Task SignIn_ReadKeyAndSignOut()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = SignInServer.Start(server.InfluxUrl);
        TestContext.Current.TestOutputHelper?.WriteLine($"sign-in host: {host.BaseUrl}");
        var readKey = await host.CreateKeyAsync(ReaderName, ["read"], ct);
        var incident = await host.WaitForIncidentAsync(ct);

        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        var signIn = new SignInPage(page);

        // Without a session every dashboard page redirects to the form, keeping the page to return to.
        await page.GotoAsync(host.BaseUrl.ToString());
        await Expect(signIn.Root).ToBeVisibleAsync();
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await Expect(signIn.Error).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "signin");

        // A key that does not exist: back on the form with the error.
        await signIn.SubmitAsync("rca_000000000000_not-a-stored-key");
        await Expect(signIn.Error).ToBeVisibleAsync();
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.Contains("error=invalid", page.Url, StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "signin-error");

        // The read key: the incident list, the key's name in the top bar, and no change controls.
        await signIn.SubmitAsync(readKey);
        var list = new IncidentListPage(page, host.BaseUrl);
        await Expect(list.Ready).ToBeVisibleAsync();
        await Expect(signIn.SignedInAs).ToContainTextAsync(ReaderName);
        await Expect(list.Row(incident.Id)).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "signin-incidents");

        var incidentPage = await list.OpenAsync(incident.Id);
        await Expect(incidentPage.Status).ToHaveAttributeAsync("data-status", incident.Status);
        await Expect(incidentPage.Acknowledge).ToHaveCountAsync(0);
        await Expect(page.Locator("#read-only")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "signin-incident-read-only");

        // Sign-out ends the session: the form again, and the dashboard redirects to it.
        await signIn.SignOut.ClickAsync();
        await Expect(signIn.Root).ToBeVisibleAsync();
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await page.GotoAsync(new Uri(host.BaseUrl, "incidents").ToString());
        await Expect(signIn.Root).ToBeVisibleAsync();
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }
}
