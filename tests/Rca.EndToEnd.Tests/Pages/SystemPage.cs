using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>The system page at <c>/system</c>: readiness, job counts, queues and recurring jobs.</summary>
internal sealed class SystemPage(IPage page, Uri baseUrl)
{
    /// <summary>The page root once the circuit is interactive and the readiness report has loaded.</summary>
    public ILocator Ready => page.Locator("#system[data-interactive=true] #readiness");

    /// <summary>The overall readiness chip; its <c>data-readiness</c> is the <c>/readyz</c> status.</summary>
    public ILocator Status => page.Locator("#readiness-status [data-readiness]");

    /// <summary>The rows of the readiness table, one per dependency.</summary>
    public ILocator Checks => page.Locator("#readiness tr.readiness-check");

    /// <summary>The number of failed jobs.</summary>
    public ILocator FailedCount => page.Locator("#jobs-failed-count");

    /// <summary>The number of Hangfire servers.</summary>
    public ILocator Servers => page.Locator("#jobs-servers");

    /// <summary>The rows of the queue table.</summary>
    public ILocator Queues => page.Locator("#queues tr.queue");

    /// <summary>The id column of the recurring job table.</summary>
    public ILocator RecurringJobIds => page.Locator("#recurring-jobs td.recurring-job-id");

    /// <summary>The link to the Hangfire dashboard.</summary>
    public ILocator HangfireLink => page.Locator("#hangfire-link");

    /// <summary>Returns the health chip of readiness check <paramref name="name"/>, such as <c>store</c>.</summary>
    public ILocator CheckStatus(string name) => page.Locator($"#readiness tr.readiness-check[data-name='{name}'] [data-readiness]");

    /// <summary>Loads the page and waits for the circuit and the readiness report.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, "system").ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }
}
