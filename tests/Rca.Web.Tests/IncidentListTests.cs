using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class IncidentListTests : DashboardContext
{
    public IncidentListTests()
    {
        Queries.Kpis.Add(Incidents.Kpi("requests"));
        Queries.Incidents.Add(Incidents.Summary(1, rootCause: "province=Beijing;isp=Unicom"));
        Queries.Incidents.Add(Incidents.Summary(2, status: "resolved", rootCause: "isp=Unicom"));
    }

    [Fact]
    public void List_ShowsIncidentsWithTopRootCause()
    {
        var cut = Render<IncidentList>(parameters => parameters.Add(page => page.RefreshInterval, TimeSpan.Zero));

        Assert.Equal("true", cut.Find("#incident-list").GetAttribute("data-interactive"));
        var links = cut.FindAll("a.incident-link");
        Assert.Equal(["incidents/1", "incidents/2"], links.Select(link => link.GetAttribute("href")).ToArray());
        Assert.Equal(["province=Beijing", "isp=Unicom"], cut.FindAll("td.incident-root-cause code").Select(code => code.TextContent).ToArray());
        Assert.Equal(["open", "resolved"], cut.FindAll("[data-status]").Select(chip => chip.GetAttribute("data-status")).ToArray());
        Assert.Equal("2 incidents", cut.Find("#incident-count").TextContent);
    }

    [Fact]
    public void List_TextFilter_ChangesQuery()
    {
        var cut = Render<IncidentList>(parameters => parameters.Add(page => page.RefreshInterval, TimeSpan.Zero));

        cut.Find("#filter-text").Change("Beijing");

        var query = Queries.ListQueries[^1];
        Assert.Equal("Beijing", query.Text);
        Assert.Null(query.Status);
        Assert.Equal(0, query.Offset);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("a.incident-link")));
    }

    [Fact]
    public void List_StatusFilter_ChangesQuery()
    {
        var cut = Render<IncidentList>(parameters => parameters.Add(page => page.RefreshInterval, TimeSpan.Zero));

        cut.Find("#status-resolved").Click();

        Assert.Equal("resolved", Queries.ListQueries[^1].Status);
        cut.WaitForAssertion(() => Assert.Equal("incidents/2", cut.Find("a.incident-link").GetAttribute("href")));
    }

    [Fact]
    public void List_ReloadsWhileOpen()
    {
        var cut = Render<IncidentList>(parameters => parameters.Add(page => page.RefreshInterval, TimeSpan.FromMilliseconds(50)));
        Queries.Incidents.Add(Incidents.Summary(3, rootCause: "isp=Mobile"));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("a.incident-link").Count), TimeSpan.FromSeconds(10));
        Assert.True(Queries.ListQueries.Count >= 2);
    }
}
