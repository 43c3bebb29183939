using System.Text.Json.Nodes;

namespace Rca.Server.Tests.Dashboards;

/// <summary>The top-level keys, templating and panels every dashboard in <c>dashboards/</c> needs to import into Grafana 10.4 or later.</summary>
public sealed class DashboardSchemaTests
{
    public static TheoryData<string> Files => [.. DashboardFiles.Names];

    [Theory]
    [MemberData(nameof(Files))]
    public void Dashboard_TopLevel_HasRequiredKeys(string file)
    {
        var dashboard = DashboardFiles.Load(file);

        Assert.False(string.IsNullOrWhiteSpace((string?)dashboard["title"]), $"{file}: title");
        var uid = (string?)dashboard["uid"];
        Assert.False(string.IsNullOrWhiteSpace(uid), $"{file}: uid");
        Assert.True(uid!.Length <= 40, $"{file}: uid '{uid}' is longer than Grafana's 40 characters");
        Assert.True((int)dashboard["schemaVersion"]! >= 39, $"{file}: schemaVersion {dashboard["schemaVersion"]}");
        Assert.NotEmpty(dashboard["panels"]!.AsArray());
        Assert.IsType<JsonArray>(dashboard["templating"]?["list"]);
        Assert.Null(dashboard["id"]?.GetValue<int?>());
    }

    [Fact]
    public void Dashboards_Uids_AreDistinct()
    {
        var uids = DashboardFiles.Names.Select(name => (string)DashboardFiles.Load(name)["uid"]!).ToList();

        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Dashboard_Datasource_IsTemplateVariableWithInput(string file)
    {
        var dashboard = DashboardFiles.Load(file);

        var input = Assert.Single(dashboard["__inputs"]!.AsArray())!;
        Assert.Equal("datasource", (string?)input["type"]);
        var plugin = (string)input["pluginId"]!;
        var variable = Assert.Single(dashboard["templating"]!["list"]!.AsArray(), v => (string?)v!["type"] == "datasource")!;
        Assert.Equal("datasource", (string?)variable["name"]);
        Assert.Equal(plugin, (string?)variable["query"]);
        Assert.Equal("${" + (string)input["name"]! + "}", (string?)variable["current"]!["value"]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Dashboard_EveryPanel_HasDatasourceAndTargets(string file)
    {
        var dashboard = DashboardFiles.Load(file);
        var plugin = (string)dashboard["__inputs"]![0]!["pluginId"]!;
        var ids = new HashSet<int>();

        foreach (var panel in DashboardFiles.Panels(dashboard))
        {
            var title = (string?)panel["title"];
            Assert.True(ids.Add((int)panel["id"]!), $"{file}: panel id {panel["id"]} repeats");
            Assert.Equal(plugin, (string?)panel["datasource"]?["type"]);
            Assert.Equal("${datasource}", (string?)panel["datasource"]?["uid"]);
            Assert.NotNull(panel["gridPos"]);
            var targets = panel["targets"]?.AsArray();
            Assert.True(targets is { Count: > 0 }, $"{file}: panel '{title}' has no targets");
            foreach (var target in targets)
            {
                Assert.Equal("${datasource}", (string?)target!["datasource"]?["uid"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)target["expr"] ?? (string?)target["query"]), $"{file}: panel '{title}' has a target without a query");
            }
        }
    }
}
