using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class KpiEditTests : DashboardContext
{
    [Fact]
    public void TestQuery_ShowsLeavesTotalAndAttributes()
    {
        KpiService.TestResult = FormResult<KpiTestResult>.Success(Kpis.TestResult());
        var cut = Render<KpiEdit>();

        cut.Find("#kpi-name").Change("checkout-errors");
        cut.Find("#kpi-database").Change("shop");
        cut.Find("#kpi-measurement").Change("checkout");
        cut.Find("#kpi-field").Change("errors");
        cut.Find("#kpi-attributes").Change("region, isp");
        cut.Find("#kpi-test").Click();

        cut.WaitForAssertion(() => Assert.Equal("812", cut.Find("#test-leaves").TextContent));
        var (action, sent) = Assert.Single(KpiService.Submitted);
        Assert.Equal("test", action);
        Assert.Equal("checkout-errors", sent.Name);
        Assert.Equal("shop", sent.Database);
        Assert.Equal(["region", "isp"], KpiDefinitionInput.SplitList(sent.Attributes));
        Assert.Equal("37", cut.Find("#test-total").TextContent);
        Assert.Equal("2026-03-01 12:00 – 12:01 UTC", cut.Find("#test-window").TextContent);
        var rows = cut.FindAll("#test-attributes tr.test-attribute").Select(row => row.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["region", "3", "eu, us, asia"], rows[0]);
        Assert.Equal(["isp", "2", "a, b"], rows[1]);
        Assert.Empty(cut.FindAll("#test-no-data"));
    }

    [Fact]
    public void TestQuery_ShowsSourceError()
    {
        KpiService.TestResult = FormResult<KpiTestResult>.Failure("InfluxDB at http://127.0.0.1:8086 returned an error: database not found: shop");
        var cut = Render<KpiEdit>();

        cut.Find("#kpi-test").Click();

        cut.WaitForAssertion(() => Assert.Equal("InfluxDB at http://127.0.0.1:8086 returned an error: database not found: shop", cut.Find("#kpi-form-error").TextContent));
        Assert.Empty(cut.FindAll("#kpi-test-result"));
    }

    [Fact]
    public void Validation_ShowsErrorsNextToFields()
    {
        KpiService.SaveResult = FormResult<KpiSummary>.Invalid(new Dictionary<string, string[]>
        {
            ["Source.Database"] = ["must not be empty"],
            ["interval"] = ["is invalid: Expected a duration such as \"30s\", \"5m\", \"1h\", \"1d\" or \"00:05:00\", got \"5 minutes\"."],
            ["body"] = ["must be a JSON object, got null."],
        });
        var cut = Render<KpiEdit>();

        cut.Find("#kpi-interval").Change("5 minutes");
        cut.Find("#kpi-save").Click();

        cut.WaitForAssertion(() => Assert.Equal("must not be empty", ErrorNextTo(cut, "#kpi-database")));
        Assert.StartsWith("is invalid: Expected a duration", ErrorNextTo(cut, "#kpi-interval"), StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("#kpi-database").GetAttribute("aria-invalid"));
        Assert.Null(ErrorNextTo(cut, "#kpi-measurement"));
        Assert.Equal("body: must be a JSON object, got null.", cut.Find("#kpi-form-other-errors").TextContent.Trim());
        Assert.Equal("5 minutes", KpiService.Submitted[0].Definition.Interval);
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NavigatesToKpi()
    {
        var cut = Render<KpiEdit>();

        cut.Find("#kpi-name").Change("checkout-errors");
        cut.Find("#kpi-save").Click();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/kpis/checkout-errors", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal("create", KpiService.Submitted[0].Action);
    }

    [Fact]
    public void Edit_LoadsDefinitionAndUpdates()
    {
        KpiService.Definitions["checkout-errors"] = Kpis.Definition("checkout-errors");
        var cut = Render<KpiEdit>(parameters => parameters.Add(page => page.Name, "checkout-errors"));

        Assert.Equal("checkout-errors", cut.Find("#kpi-name").GetAttribute("value"));
        Assert.True(cut.Find("#kpi-name").HasAttribute("disabled"));
        Assert.Equal("region, isp", cut.Find("#kpi-attributes").GetAttribute("value"));
        cut.Find("#kpi-measurement").Change("checkout_v2");
        cut.Find("#kpi-save").Click();

        cut.WaitForAssertion(() => Assert.Equal("update", Assert.Single(KpiService.Submitted).Action));
        Assert.Equal("checkout_v2", KpiService.Submitted[0].Definition.Measurement);
    }

    [Fact]
    public void ReadOnly_ShowsNoForm()
    {
        KpiService.CanChangeKpis = false;

        var cut = Render<KpiEdit>();

        Assert.NotNull(cut.Find("#kpi-form-read-only"));
        Assert.Empty(cut.FindAll("#kpi-save"));
    }

    private static string? ErrorNextTo(IRenderedComponent<KpiEdit> cut, string selector)
    {
        var control = cut.Find(selector).Closest(".mud-input-control");
        return control?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
    }
}
