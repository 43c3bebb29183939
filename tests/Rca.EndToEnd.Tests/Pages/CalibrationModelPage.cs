using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests.Pages;

/// <summary>
/// The page of one calibration model at <c>/calibration/{model}</c>: ratio and Field-RCE trend
/// charts, and for the selected check its summary, fields, reliability diagram and segments.
/// </summary>
internal sealed class CalibrationModelPage(IPage page, Uri baseUrl, string model)
{
    /// <summary>The page root once the circuit is interactive and a check has loaded.</summary>
    public ILocator Ready => page.Locator("#calibration-model[data-interactive=true] #check-summary");

    /// <summary>The verdict chip of the model's latest mature check, next to the title.</summary>
    public ILocator LatestVerdict => page.Locator("#model-latest-verdict [data-verdict]");

    /// <summary>The verdict chip of the selected check.</summary>
    public ILocator CheckVerdict => page.Locator("#check-verdict [data-verdict]");

    /// <summary>The selected check's calibration ratio, its band and whether it is out of band.</summary>
    public ILocator CheckRatio => page.Locator("#check-ratio");

    /// <summary>The selected check's impressions.</summary>
    public ILocator CheckImpressions => page.Locator("#check-impressions");

    /// <summary>The SVG of the calibration ratio trend.</summary>
    public ILocator RatioChart => page.Locator("#ratio-chart svg").First;

    /// <summary>The SVG of the Field-RCE trend, one line per field.</summary>
    public ILocator FieldRceChart => page.Locator("#field-rce-chart svg").First;

    /// <summary>The SVG of the reliability diagram.</summary>
    public ILocator ReliabilityChart => page.Locator("#reliability-chart svg").First;

    /// <summary>The message shown instead of the diagram when the check has no prediction buckets.</summary>
    public ILocator ReliabilityEmpty => page.Locator("#reliability-empty");

    /// <summary>The rows of the reliability table, one per prediction bucket.</summary>
    public ILocator ReliabilityRows => page.Locator("#reliability tr.reliability-point");

    /// <summary>The rows of the field table, one per configured field.</summary>
    public ILocator FieldRows => page.Locator("#check-fields tr.check-field");

    /// <summary>The rows of the segment table.</summary>
    public ILocator SegmentRows => page.Locator("#segments tbody tr");

    /// <summary>The segment column of the segment table.</summary>
    public ILocator SegmentNames => page.Locator("#segments td.segment-name");

    /// <summary>The calibration ratio column of the segment table.</summary>
    public ILocator SegmentRatios => page.Locator("#segments td.segment-ratio");

    /// <summary>The combobox of the check select, newest window first.</summary>
    public ILocator CheckSelect => page.Locator("[data-testid=check-select] [role=combobox]");

    /// <summary>Returns the relative link of the page of model <paramref name="name"/>, as the dashboard writes it.</summary>
    public static string PathOf(string name) => "calibration/" + Uri.EscapeDataString(name);

    /// <summary>Loads the page directly and waits for the circuit and the latest check.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(new Uri(baseUrl, PathOf(model)).ToString());
        await Expect(Ready).ToBeVisibleAsync();
    }
}
