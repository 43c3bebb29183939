using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Rca.Contracts;
using Rca.Contracts.Jobs;
using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class ResourceTests : DashboardContext
{
    private static readonly string Resources = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "web", "Rca.Web", "Resources");

    [Fact]
    public void Chinese_HasEveryEnglishKey()
    {
        var english = Keys("UiText.resx");
        var chinese = Keys("UiText.zh-Hans.resx");

        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
    }

    [Fact]
    public void KpiList_RendersInChinese()
    {
        Queries.Kpis.Add(Kpis.Summary("latency", Kpis.Check("latency", 5, "anomalous", 120.5, 118)));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new ChineseCulture();
        try
        {
            var cut = Render<KpiList>();

            Assert.Equal("KPI", cut.Find("h1").TextContent);
            Assert.Equal("异常", cut.Find("[data-check-status]").TextContent);
            Assert.Contains("最近窗口", cut.Find("#kpis thead").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void SystemPage_TranslatesJobState()
    {
        System.Jobs = OperationResult<JobSystemStatus>.Success(new JobSystemStatus(
            [new RecurringJobStatus("kpi:latency", "0 * * * * *", "default", Incidents.Window, "Succeeded", Incidents.Window.AddMinutes(1), null)],
            [], 1, 0, 0, 0, 1, 0));

        var cut = RenderChinese<SystemPage>();

        Assert.Equal("已成功", cut.Find("td.recurring-job-state").TextContent);
    }

    [Fact]
    public void KpiPage_TranslatesTrigger()
    {
        var latest = Kpis.Check("latency", 5, "anomalous", 120.5, 118);
        Queries.Kpis.Add(Kpis.Summary("latency", latest));
        KpiService.Checks["latency"] = [latest, latest with { Trigger = "replay" }];

        var cut = RenderChinese<KpiPage>(parameters => parameters.Add(page => page.Name, "latency"));

        Assert.Equal(["定时", "重放"], cut.FindAll("#kpi-checks td.check-trigger").Select(cell => cell.TextContent).ToArray());
    }

    [Fact]
    public void IncidentPage_TranslatesTrigger()
    {
        Queries.Kpis.Add(Incidents.Kpi("requests"));
        Queries.Details[7] = Incidents.Detail(7);

        var cut = RenderChinese<IncidentPage>(parameters => parameters.Add(page => page.Id, 7));

        Assert.Equal("定时", cut.Find("#summary-trigger").TextContent);
    }

    [Fact]
    public void KpiEdit_TranslatesMeasurementLabel()
    {
        var cut = RenderChinese<KpiEdit>();

        Assert.Equal("测量（measurement）", cut.Find("#kpi-measurement").GetAttribute("aria-label"));
    }

    [Fact]
    public void CalibrationModel_TranslatesMeasurement()
    {
        Calibration.Models.Add(CalibrationSamples.Model(CalibrationSamples.Summary(3, 2, "drifted", 1.25, "site=site_2")));
        Calibration.Trends["ctr"] = CalibrationSamples.Trend();
        Calibration.Checks[3] = CalibrationSamples.Drifted();

        var cut = RenderChinese<CalibrationModelPage>(parameters => parameters.Add(page => page.Model, "ctr"));

        var info = cut.Find("#model-info").TextContent;
        Assert.StartsWith("测量 ", info.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Measurement", info, StringComparison.Ordinal);
    }

    private IRenderedComponent<TComponent> RenderChinese<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new ChineseCulture();
        try
        {
            return Render(parameters);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(data => (string)data.Attribute("name")!)];
}
