using System.Globalization;
using System.Xml.Linq;
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

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(data => (string)data.Attribute("name")!)];
}
