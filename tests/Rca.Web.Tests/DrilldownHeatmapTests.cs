using Rca.Contracts;
using Rca.Web.Components.Shared;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class DrilldownHeatmapTests : DashboardContext
{
    [Fact]
    public void Heatmap_OutlinesRootCauseCells()
    {
        var cut = Render<DrilldownHeatmap>(parameters => parameters
            .Add(map => map.Result, Incidents.Drilldown(7))
            .Add(map => map.RootCauses, ["province=Beijing", "isp=Unicom&province=Shanghai"]));

        var cells = cut.FindAll("td.heatmap-cell");
        Assert.Equal(4, cells.Count);
        var outlined = cells
            .Where(cell => cell.GetAttribute("data-root-cause") == "true")
            .Select(cell => cell.GetAttribute("data-row") + "/" + cell.GetAttribute("data-column"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["Beijing/Mobile", "Beijing/Unicom", "Shanghai/Unicom"], outlined);

        foreach (var cell in cells)
        {
            var rootCause = cell.GetAttribute("data-root-cause") == "true";
            Assert.Equal(rootCause, cell.GetAttribute("style")!.Contains("outline:3px solid", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Heatmap_ColoursByDeviationSign()
    {
        var cut = Render<DrilldownHeatmap>(parameters => parameters.Add(map => map.Result, Incidents.Drilldown(7)));

        var drop = cut.Find("td[data-row='Beijing'][data-column='Mobile']");
        var rise = cut.Find("td[data-row='Shanghai'][data-column='Mobile']");
        Assert.Contains("rgba(211,47,47,0.73)", drop.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("rgba(25,118,210,0.09)", rise.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("0.818", drop.TextContent.Trim());
    }

    [Fact]
    public void HeatmapGrid_CombinationOutsideGrid_CoversNoCell()
    {
        var grid = HeatmapGrid.Build(Incidents.Drilldown(7), ["province=Beijing&device=ios"]);

        Assert.Equal(["Beijing", "Shanghai"], grid.Rows);
        Assert.Equal(["Mobile", "Unicom"], grid.Columns);
        foreach (var covered in grid.RootCause)
        {
            Assert.False(covered);
        }
    }

    [Fact]
    public void HeatmapGrid_MissingPair_LeavesCellEmpty()
    {
        var result = new DrilldownResult(7, ["province", "isp"], null, 2, 1000,
        [
            new DrilldownCell(["Beijing", "Mobile"], 1, 10, 100, 0.818),
            new DrilldownCell(["Shanghai", "Unicom"], 1, 45, 55, 0.1),
        ]);

        var grid = HeatmapGrid.Build(result, []);

        Assert.Null(grid.Cells[0, 1]);
        Assert.Equal(0.818, grid.Cells[0, 0]!.DeviationScore);
    }

    [Fact]
    public void HeatmapGrid_NumericValues_SortNumerically()
    {
        var result = new DrilldownResult(7, ["price", "code"], null, 5, 1000,
        [
            new DrilldownCell(["10000", "200"], 1, 10, 10, 0),
            new DrilldownCell(["2500", "404"], 1, 10, 10, 0),
            new DrilldownCell(["-1", "200"], 1, 10, 10, 0),
            new DrilldownCell(["0", "50"], 1, 10, 10, 0),
            new DrilldownCell(["2.5e3", "404"], 1, 10, 10, 0),
        ]);

        var grid = HeatmapGrid.Build(result, []);

        Assert.Equal(["-1", "0", "2.5e3", "2500", "10000"], grid.Rows);
        Assert.Equal(["50", "200", "404"], grid.Columns);
    }

    [Fact]
    public void HeatmapGrid_MixedValues_SortOrdinally()
    {
        var result = new DrilldownResult(7, ["price", "code"], null, 3, 1000,
        [
            new DrilldownCell(["10000", "a"], 1, 10, 10, 0),
            new DrilldownCell(["2500", "a"], 1, 10, 10, 0),
            new DrilldownCell(["other", "a"], 1, 10, 10, 0),
        ]);

        var grid = HeatmapGrid.Build(result, []);

        Assert.Equal(["10000", "2500", "other"], grid.Rows);
    }

    [Fact]
    public void Heatmap_NegativeZero_ShowsZero()
    {
        var result = new DrilldownResult(7, ["province", "isp"], null, 2, 1000,
        [
            new DrilldownCell(["Beijing", "Mobile"], 1, 1000.4, 1000, -0.0002),
            new DrilldownCell(["Beijing", "Unicom"], 1, 10, 11, -0.048),
        ]);

        var cut = Render<DrilldownHeatmap>(parameters => parameters.Add(map => map.Result, result));

        Assert.Equal("0.000", cut.Find("td[data-column='Mobile']").TextContent.Trim());
        Assert.Equal("-0.048", cut.Find("td[data-column='Unicom']").TextContent.Trim());
        Assert.Contains("deviation score 0.000.", cut.Find("td[data-column='Mobile']").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void Heatmap_LegendNamesCellNumber()
    {
        var cut = Render<DrilldownHeatmap>(parameters => parameters.Add(map => map.Result, Incidents.Drilldown(7)));

        var legend = cut.Find("#heatmap-legend").TextContent;
        Assert.Contains("The number in each cell is its deviation score", legend, StringComparison.Ordinal);
        Assert.Contains("Red: actual below forecast (positive score)", legend, StringComparison.Ordinal);
    }
}
