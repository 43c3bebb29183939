using Microsoft.Playwright;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// Launches Debian's Chromium through Playwright and keeps every page on loopback.
/// </summary>
internal static class Chromium
{
    /// <summary>The browser the tests drive; the test command installs the Debian package <c>chromium</c>.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Launches headless Chromium, or fails with the install command when it is missing.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing; install it with 'apt-get install -y chromium' (test.sh does this).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Aborts every request that leaves 127.0.0.1, so a test never reaches another host.</summary>
    public static Task KeepOnLoopbackAsync(IPage page) =>
        page.RouteAsync("**/*", route => new Uri(route.Request.Url).Host is "127.0.0.1" or "localhost" ? route.ContinueAsync() : route.AbortAsync());
}
