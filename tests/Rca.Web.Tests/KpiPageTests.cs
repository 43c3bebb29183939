using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class KpiPageTests : DashboardContext
{
    [Fact]
    public void Page_ShowsDefinitionChecksAndIncidents()
    {
        var latest = Kpis.Check("checkout-errors", 2, "anomalous", 37, 12, incident: 7);
        Queries.Kpis.Add(Kpis.Summary("checkout-errors", latest));
        KpiService.Checks["checkout-errors"] =
        [
            latest,
            Kpis.Check("checkout-errors", 1, "failed", null, null, error: "InfluxDB at http://127.0.0.1:8086 timed out"),
            Kpis.Check("checkout-errors", 0, "ok", 11, 12),
        ];
        Queries.Incidents.Add(Incidents.Summary(7, kpi: "checkout-errors", rootCause: "region=eu"));
        Queries.Incidents.Add(Incidents.Summary(8, kpi: "latency"));

        var cut = Render<KpiPage>(parameters => parameters.Add(page => page.Name, "checkout-errors"));

        Assert.Equal("sum(errors)", cut.Find("#kpi-measure").TextContent);
        Assert.Equal(["37", "–", "11"], cut.FindAll("#kpi-checks td.check-actual").Select(cell => cell.TextContent).ToArray());
        Assert.Equal("InfluxDB at http://127.0.0.1:8086 timed out", cut.FindAll("#kpi-checks td.check-error")[1].TextContent);
        Assert.Equal("Showing 3 of 3 checks", cut.Find("#kpi-check-count").TextContent);
        Assert.Equal(["incidents/7"], cut.FindAll("#kpi-incidents a.incident-link").Select(link => link.GetAttribute("href")).ToArray());
        Assert.Equal("checkout-errors", Queries.ListQueries[^1].Kpi);
        Assert.Equal("kpis/checkout-errors/edit", cut.Find("#kpi-edit").GetAttribute("href"));
        Assert.NotNull(cut.Find("#kpi-checks-chart svg"));
    }

    [Fact]
    public void UnknownKpi_ShowsError()
    {
        var cut = Render<KpiPage>(parameters => parameters.Add(page => page.Name, "missing"));

        Assert.Equal("No KPI is named 'missing'.", cut.Find("#kpi-error").TextContent);
        Assert.Empty(cut.FindAll("#kpi-checks"));
    }
}
