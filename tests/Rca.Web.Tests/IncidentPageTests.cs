using System.Globalization;
using Rca.Contracts;
using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class IncidentPageTests : DashboardContext
{
    public IncidentPageTests()
    {
        Queries.Kpis.Add(Incidents.Kpi("requests"));
        Queries.Drilldown = Incidents.Drilldown(7);
    }

    [Fact]
    public void Acknowledge_CallsCommandAndShowsStatus()
    {
        Queries.Details[7] = Incidents.Detail(7);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        cut.Find("#acknowledge").Click();

        Assert.Equal([(7L, "acknowledged")], Commands.Changes);
        cut.WaitForAssertion(() => Assert.Equal("acknowledged", cut.Find("#incident-status [data-status]").GetAttribute("data-status")));
        Assert.True(cut.Find("#acknowledge").HasAttribute("disabled"));
        Assert.False(cut.Find("#resolve").HasAttribute("disabled"));
        Assert.Equal("dashboard", cut.Find("#history tr.history-change td.history-actor").TextContent);
    }

    [Fact]
    public void Resolve_CallsCommand()
    {
        Queries.Details[7] = Incidents.Detail(7, status: "acknowledged");
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        cut.Find("#resolve").Click();

        Assert.Equal([(7L, "resolved")], Commands.Changes);
        cut.WaitForAssertion(() => Assert.False(cut.Find("#reopen").HasAttribute("disabled")));
    }

    [Fact]
    public void ReadOnly_HidesStatusButtons()
    {
        Queries.Details[7] = Incidents.Detail(7);
        Commands.CanChangeIncidents = false;
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        Assert.Empty(cut.FindAll("#acknowledge"));
        Assert.NotNull(cut.Find("#read-only"));
    }

    [Fact]
    public void External_ShowsBanner()
    {
        Queries.Details[7] = Incidents.Detail(7, external: true);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        var text = cut.Find("#external-cause").TextContent;
        Assert.Contains("lowest GPS among the root-cause sets is 0.420, below the threshold 0.500", text, StringComparison.Ordinal);
        Assert.DoesNotContain("best", text, StringComparison.Ordinal);
    }

    [Fact]
    public void External_NoSet_SaysNoSetFound()
    {
        Queries.Details[7] = Incidents.Detail(7, external: true) with { MinGps = null, RootCauseSets = [] };
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        Assert.Contains("no root-cause set was found", cut.Find("#external-cause").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void External_HighMinGps_SaysWeakSets()
    {
        Queries.Details[7] = Incidents.Detail(7, external: true) with { MinGps = 0.9 };
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        var text = cut.Find("#external-cause").TextContent;
        Assert.Contains("explain less than half", text, StringComparison.Ordinal);
        Assert.DoesNotContain("below the threshold", text, StringComparison.Ordinal);
    }

    [Fact]
    public void External_Chinese_SaysLowestGps()
    {
        Queries.Details[7] = Incidents.Detail(7, external: true);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new ChineseCulture();
        try
        {
            var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

            Assert.Contains("各根因集合中最低的 GPS 为 0.420", cut.Find("#external-cause").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void NotExternal_HasNoBanner()
    {
        Queries.Details[7] = Incidents.Detail(7);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        Assert.Empty(cut.FindAll("#external-cause"));
    }

    [Fact]
    public void Page_DrillsDownByTopRootCauseCuboid()
    {
        Queries.Details[7] = Incidents.Detail(7);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        Assert.Equal([["province", "isp"]], Queries.DrilldownRequests);
        Assert.Equal(4, cut.FindAll("#heatmap td.heatmap-cell").Count);
        // province=Beijing covers the Beijing row, and the two Shanghai combinations cover the Shanghai row.
        Assert.Equal(4, cut.FindAll("#heatmap td[data-root-cause='true']").Count);
        Assert.Equal(2, cut.FindAll("#root-causes tr.root-cause-set").Count);
        Assert.NotNull(cut.Find("#series-chart"));
    }

    [Fact]
    public void Chart_MarksAnomalousWindow()
    {
        Queries.Details[7] = Incidents.Detail(7);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        var chart = cut.Find("#series-chart");
        Assert.Contains("Anomalous window", chart.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyCurl_WritesClipboard()
    {
        Queries.Details[7] = Incidents.Detail(7);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        cut.Find("#reproduce-curl").ParentElement!.QuerySelector("button[aria-label='Copy the curl command']")!.Click();

        var call = Assert.Single(JSInterop.Invocations, invocation => invocation.Identifier == "navigator.clipboard.writeText");
        Assert.Equal(
            "curl -X POST -H \"X-Api-Key: $RCA_API_KEY\" \"http://localhost/api/v1/kpis/requests/replay?from=2026-03-01T12%3A00%3A00Z&to=2026-03-01T12%3A05%3A00Z\"",
            call.Arguments[0]);
    }

    [Fact]
    public void Feedback_CallsCommandAndShowsIt()
    {
        Queries.Details[7] = Incidents.Detail(7);
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));
        Assert.True(cut.Find("#feedback-submit").HasAttribute("disabled"));

        cut.Find("#verdict-partly").Click();
        cut.Find("#feedback-root-cause").Change("province=Beijing;isp=Unicom");
        cut.Find("#feedback-submit").Click();

        var (id, feedback) = Assert.Single(Commands.Feedback);
        Assert.Equal(7, id);
        Assert.Equal(new FeedbackRequest("partly", "province=Beijing;isp=Unicom", null), feedback);
        cut.WaitForAssertion(() => Assert.Equal(
            "Current feedback: Partly, by dashboard at 2026-03-01 12:40 UTC.",
            cut.Find("#feedback-current").FirstChild!.TextContent.Trim()));
    }

    [Fact]
    public void UnknownIncident_ShowsError()
    {
        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 99));

        Assert.Equal("No incident has id 99.", cut.Find("#incident-error").TextContent.Trim());
    }
}
