using Rca.Contracts;
using Rca.Web.Components.Pages;
using Rca.Web.Components.Shared;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class ChartRangeTests : DashboardContext
{
    private static readonly DateTimeOffset Window = Incidents.Window;

    [Fact]
    public void FirstShown_SkipsLeadingEmptyPoints()
    {
        TotalSeriesPoint[] series =
        [
            new(Window.AddMinutes(-20), null, null, null),
            new(Window.AddMinutes(-15), null, null, null),
            new(Window.AddMinutes(-10), 1000, 990, "ok"),
            new(Window.AddMinutes(-5), null, null, null),
            new(Window, 800, 1000, "anomalous"),
        ];

        Assert.Equal(2, ChartRange.FirstShown(series, Window));
    }

    [Fact]
    public void FirstShown_KeepsIncidentWindowWithoutData()
    {
        TotalSeriesPoint[] series =
        [
            new(Window.AddMinutes(-10), null, null, null),
            new(Window, null, null, "failed"),
            new(Window.AddMinutes(5), 900, 1000, "ok"),
        ];

        Assert.Equal(1, ChartRange.FirstShown(series, Window));
    }

    [Fact]
    public void FirstShown_NoData_StartsAtZero()
    {
        TotalSeriesPoint[] series = [new(Window.AddMinutes(-5), null, null, null), new(Window.AddMinutes(-10), null, null, null)];

        Assert.Equal(0, ChartRange.FirstShown(series, Window.AddMinutes(-20)));
    }

    [Fact]
    public void IncidentChart_StartsAtFirstData()
    {
        Queries.Kpis.Add(Incidents.Kpi("requests"));
        Queries.Drilldown = Incidents.Drilldown(7);
        var detail = Incidents.Detail(7);
        Queries.Details[7] = detail with
        {
            Series =
            [
                new(Window.AddMinutes(-20), null, null, null),
                new(Window.AddMinutes(-15), null, null, null),
                .. detail.Series,
            ],
        };

        var cut = Render<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        var labels = cut.Find("#series-chart").QuerySelectorAll("text").Select(text => text.TextContent.Trim()).ToArray();
        Assert.Contains("11:50", labels);
        Assert.Contains("12:00", labels);
        Assert.DoesNotContain("11:40", labels);
        Assert.DoesNotContain("11:45", labels);
    }
}
