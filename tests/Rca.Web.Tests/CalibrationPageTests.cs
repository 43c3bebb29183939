using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class CalibrationPageTests : DashboardContext
{
    public CalibrationPageTests()
    {
        Calibration.Models.Add(CalibrationSamples.Model(CalibrationSamples.Summary(3, 2, "drifted", 1.25, "site=site_2")));
        Calibration.Trends["ctr"] = CalibrationSamples.Trend();
        Calibration.Checks[3] = CalibrationSamples.Drifted();
        Calibration.Checks[1] = CalibrationSamples.Ok();
    }

    [Fact]
    public void List_ShowsLatestVerdict()
    {
        Calibration.Models.Add(CalibrationSamples.Model(null) with { Name = "cvr" });

        var cut = Render<CalibrationList>();

        Assert.Equal(["calibration/ctr", "calibration/cvr"], cut.FindAll("a.model-link").Select(link => link.GetAttribute("href")).ToArray());
        Assert.Equal("drifted", cut.Find("td.model-verdict [data-verdict]").GetAttribute("data-verdict"));
        Assert.Equal("1.250", cut.Find("td.model-ratio").TextContent);
        Assert.Equal("Not checked yet", cut.FindAll("td.model-verdict")[1].TextContent.Trim());
    }

    [Fact]
    public void Model_ShowsReliabilityDiagram()
    {
        var cut = Render<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "ctr"));

        Assert.Equal([3L], Calibration.FetchedChecks);
        var rows = cut.FindAll("#reliability tr.reliability-point").Select(row => row.Children.Select(cell => cell.TextContent).ToArray()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["0", "60,000", "0.0050", "0.0041"], rows[0]);
        Assert.Equal(["2", "10,000", "0.0800", "0.0612"], rows[2]);

        // Three buckets are drawn as points and the diagonal as a line. The chart's tick spacing is
        // a whole number, so rates up to 0.08 are scaled by 10,000 and both axes end at 800.
        var chart = cut.Find("#reliability-chart");
        var points = chart.QuerySelectorAll("circle.mud-chart-point:not(.mud-chart-hover-point)");
        Assert.Equal(["70", "230", "670"], points.Select(point => point.GetAttribute("cx")).ToArray());
        Assert.Single(chart.QuerySelectorAll("path.mud-chart-line"));
        var ticks = chart.QuerySelectorAll("text").Select(text => text.TextContent.Trim()).ToArray();
        Assert.Equal(["0", "200", "400", "600", "800", "0", "200", "400", "600", "800"], ticks);
        Assert.Contains("Observed rate (× 10000)", chart.TextContent, StringComparison.Ordinal);
        Assert.Contains("Perfect calibration (× 10000)", chart.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_ShowsSegmentsAndFields()
    {
        var cut = Render<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "ctr"));

        Assert.Equal(["site=site_2", "site=site_2&device=mobile"], cut.FindAll("#segments td.segment-name").Select(cell => cell.TextContent).ToArray());
        Assert.Equal(["1.733", "1.900"], cut.FindAll("#segments td.segment-ratio").Select(cell => cell.TextContent).ToArray());
        Assert.Equal(["-9.65", "-6.53"], cut.FindAll("#segments td.segment-z").Select(cell => cell.TextContent).ToArray());
        Assert.Equal(["0.1400", "0.0330"], cut.FindAll("#check-fields td.field-rce").Select(cell => cell.TextContent).ToArray());
        Assert.Equal(["true", "false"], cut.FindAll("#check-fields tr.check-field").Select(row => row.GetAttribute("data-out-of-band")).ToArray());
        Assert.Equal("1.250 band 0.9000 to 1.1000 (learned) out of band", cut.Find("#check-ratio").TextContent.Trim());
        Assert.Equal("drifted", cut.Find("#model-latest-verdict [data-verdict]").GetAttribute("data-verdict"));
    }

    [Fact]
    public void Model_SegmentsSayNIsPooled()
    {
        var cut = Render<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "ctr"));

        var headers = cut.FindAll("#segments thead th").Select(cell => cell.TextContent).ToArray();
        Assert.Contains("Impressions, pooled (N)", headers);
        var caption = cut.Find("#segments-pooled").TextContent;
        Assert.Contains("pooled over the last Drift:ConsecutiveWindows out-of-band windows", caption, StringComparison.Ordinal);
        Assert.Contains("not a share of this window's N of 100,000.", caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_DrawsTrendPerField()
    {
        var cut = Render<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "ctr"));

        var fieldChart = cut.Find("#field-rce-chart");
        Assert.Contains("site (× 1000)", fieldChart.TextContent, StringComparison.Ordinal);
        Assert.Contains("device (× 1000)", fieldChart.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, fieldChart.QuerySelectorAll("path.mud-chart-line").Length);
        var ratioChart = cut.Find("#ratio-chart");
        Assert.Contains("Band upper (× 100)", ratioChart.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, ratioChart.QuerySelectorAll("path.mud-chart-line").Length);
        Assert.Equal(["10:00", "11:00", "12:00"], ratioChart.QuerySelectorAll("text").Select(text => text.TextContent.Trim()).Where(text => text.Contains(':', StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void Model_OtherCheck_LoadsIt()
    {
        var cut = Render<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "ctr"));
        var select = cut.FindComponent<MudBlazor.MudSelect<long>>();

        cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(1));

        cut.WaitForAssertion(() => Assert.Equal("ok", cut.Find("#check-verdict [data-verdict]").GetAttribute("data-verdict")));
        Assert.Equal([3L, 1L], Calibration.FetchedChecks);
        Assert.NotNull(cut.Find("#reliability-empty"));
        Assert.NotNull(cut.Find("#segments-empty"));
    }

    [Fact]
    public void UnknownModel_ShowsError()
    {
        var cut = Render<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "missing"));

        Assert.Equal("No calibration model is named 'missing'.", cut.Find("#calibration-error").TextContent);
    }
}
