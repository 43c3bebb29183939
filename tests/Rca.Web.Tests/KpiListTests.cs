using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class KpiListTests : DashboardContext
{
    public KpiListTests()
    {
        Queries.Kpis.Add(Kpis.Summary("latency", Kpis.Check("latency", 5, "ok", 120.5, 118)));
        Queries.Kpis.Add(Kpis.Summary("checkout-errors", Kpis.Check("checkout-errors", 5, "anomalous", 37, 12, incident: 42), measure: "ratio"));
        Queries.Kpis.Add(Kpis.Summary("new-kpi"));
    }

    [Fact]
    public void List_ShowsLatestCheckAndState()
    {
        var cut = Render<KpiList>();

        Assert.Equal("true", cut.Find("#kpi-list").GetAttribute("data-interactive"));
        Assert.Equal(["checkout-errors", "latency", "new-kpi"], cut.FindAll("a.kpi-link").Select(link => link.TextContent).ToArray());
        Assert.Equal(["kpis/checkout-errors", "kpis/latency", "kpis/new-kpi"], cut.FindAll("a.kpi-link").Select(link => link.GetAttribute("href")).ToArray());
        Assert.Equal(["anomalous", "ok"], cut.FindAll("[data-check-status]").Select(chip => chip.GetAttribute("data-check-status")).ToArray());
        Assert.Equal(["37", "120.5"], cut.FindAll("td.kpi-actual").Select(cell => cell.TextContent).ToArray());
        Assert.Equal("ratio(errors / total)", cut.FindAll("code.kpi-measure")[0].TextContent);
        Assert.Equal("Not checked yet", cut.FindAll("td.kpi-state")[2].TextContent.Trim());
        Assert.Equal("kpis/_new", cut.Find("#kpi-new").GetAttribute("href"));
    }

    [Fact]
    public void OpenIncident_ShownWhenLatestCheckHasNone()
    {
        Queries.Incidents.Add(Incidents.Summary(42, kpi: "checkout-errors"));
        Queries.Incidents.Add(Incidents.Summary(9, kpi: "latency"));
        Queries.Incidents.Add(Incidents.Summary(5, kpi: "latency", status: "resolved"));

        var cut = Render<KpiList>();

        var links = cut.FindAll("td.kpi-open-incident").Select(cell => cell.QuerySelector("a")?.GetAttribute("href")).ToArray();
        Assert.Equal(["incidents/42", "incidents/9"], links);
        Assert.Equal("Open incident", cut.FindAll("#kpis thead th")[9].TextContent);
    }

    [Fact]
    public void OpenIncident_EmptyWhenNoneOpen()
    {
        Queries.Incidents.Add(Incidents.Summary(5, kpi: "latency", status: "resolved"));

        var cut = Render<KpiList>();

        Assert.Empty(cut.FindAll("td.kpi-open-incident a"));
    }

    [Fact]
    public void ReadOnly_HidesNewButton()
    {
        KpiService.CanChangeKpis = false;

        var cut = Render<KpiList>();

        Assert.Empty(cut.FindAll("#kpi-new"));
        Assert.Equal(3, cut.FindAll("a.kpi-link").Count);
    }
}
