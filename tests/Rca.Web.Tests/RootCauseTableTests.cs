using Rca.Web.Components.Shared;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class RootCauseTableTests : DashboardContext
{
    [Fact]
    public void RootCauseTable_RendersEachSet()
    {
        var cut = Render<RootCauseTable>(parameters => parameters.Add(table => table.Sets, Incidents.RootCauseSets));

        var rows = cut.FindAll("tr.root-cause-set");
        Assert.Equal(2, rows.Count);

        var first = rows[0];
        Assert.Equal(["province=Beijing"], first.QuerySelectorAll("code.root-cause-combination").Select(code => code.TextContent).ToArray());
        Assert.Equal("20", first.QuerySelector("td.actual")!.TextContent);
        Assert.Equal("200", first.QuerySelector("td.forecast")!.TextContent);
        Assert.Equal("0.818", first.QuerySelector("td.deviation")!.TextContent);
        Assert.Equal("90.0%", first.QuerySelector("td.explanatory-power")!.TextContent);
        Assert.Equal("0.950", first.QuerySelector("td.gps")!.TextContent);
        Assert.Equal("1", first.QuerySelector("td.layer")!.TextContent);

        var second = rows[1];
        Assert.Equal(
            ["isp=Unicom&province=Shanghai", "isp=Mobile&province=Shanghai"],
            second.QuerySelectorAll("code.root-cause-combination").Select(code => code.TextContent).ToArray());
        Assert.Equal("2", second.QuerySelector("td.layer")!.TextContent);
    }

    [Fact]
    public void RootCauseTable_NoSets_ShowsMessage()
    {
        var cut = Render<RootCauseTable>(parameters => parameters.Add(table => table.Sets, []));

        Assert.Equal("The localizer found no root-cause set.", cut.Find("#root-causes-empty").TextContent);
        Assert.Empty(cut.FindAll("#root-causes"));
    }
}
