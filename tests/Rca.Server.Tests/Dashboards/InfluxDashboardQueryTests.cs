using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Server.Tests.Dashboards;

/// <summary>
/// Runs every InfluxQL query of <c>kpi-explorer.json</c> and <c>calibration.json</c>, with the
/// template variables filled in as Grafana would, against a real influxd holding known points.
/// </summary>
public sealed partial class InfluxDashboardQueryTests(InfluxDbFixture influx)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KpiExplorer_Queries_ReturnSumsPerValue()
    {
        var database = await influx.CreateDatabaseAsync("explorer", Token);
        await WriteAsync(database,
        [
            Point("explorer_requests", Start, ("region", "eu"), ("count", 10)),
            Point("explorer_requests", Start, ("region", "us"), ("count", 5)),
            Point("explorer_requests", Start.AddMinutes(1), ("region", "eu"), ("count", 20)),
            Point("explorer_requests", Start.AddMinutes(1), ("region", "us"), ("count", 5)),
        ]);
        var dashboard = DashboardFiles.Load("kpi-explorer.json");
        var variables = new Dictionary<string, string>
        {
            ["measurement"] = "explorer_requests",
            ["field"] = "count",
            ["attribute"] = "region",
            ["value"] = ".*",
            ["__interval"] = "1m",
        };

        Assert.Contains(["explorer_requests"], await RunVariableAsync(dashboard, "measurement", database, variables));
        Assert.Equal([["count", "float"]], await RunVariableAsync(dashboard, "field", database, variables));
        Assert.Equal([["region"]], await RunVariableAsync(dashboard, "attribute", database, variables));
        Assert.Equal([["region", "eu"], ["region", "us"]], await RunVariableAsync(dashboard, "value", database, variables));

        foreach (var (panel, query) in DashboardFiles.Queries(dashboard))
        {
            var series = await RunAsync(database, Fill(query, variables));
            Assert.True(series.Count > 0, $"panel '{panel}' returned no series");
        }

        var table = await RunPanelAsync(dashboard, "Sum of $field per $attribute over the range", database, variables);
        Assert.Equal([("eu", 30.0), ("us", 10.0)], table.Select(s => ((string)s["tags"]!["region"]!, (double)s["values"]![0]![1]!)));

        variables["value"] = "eu";
        var onlyEu = await RunPanelAsync(dashboard, "Sum of $field per $attribute", database, variables);
        var eu = Assert.Single(onlyEu);
        Assert.Equal([10.0, 20.0], eu["values"]!.AsArray().Take(2).Select(row => (double)row![1]!));
    }

    [Fact]
    public async Task Calibration_Queries_ReturnRatioPerField()
    {
        var database = await influx.CreateDatabaseAsync("dashboard_calibration", Token);
        var lines = new List<string>();
        foreach (var window in (DateTimeOffset[])[Start, Start.AddHours(1)])
        {
            lines.Add(Point("ads_calibration", window, ("model", "m1"), ("site", "a"), ("impressions", 100), ("labels", 10), ("pred_sum", 12)));
            lines.Add(Point("ads_calibration", window, ("model", "m1"), ("site", "b"), ("impressions", 50), ("labels", 6), ("pred_sum", 6)));
            lines.Add(Point("ads_calibration", window, ("model", "m2"), ("site", "a"), ("impressions", 100), ("labels", 1), ("pred_sum", 100)));
        }

        await WriteAsync(database, lines);
        var dashboard = DashboardFiles.Load("calibration.json");
        var variables = new Dictionary<string, string>
        {
            ["measurement"] = "ads_calibration",
            ["modeltag"] = "model",
            ["model"] = "m1",
            ["field"] = "site",
            ["value"] = ".*",
            ["window"] = "1h",
        };

        Assert.Equal([["model", "m1"], ["model", "m2"]], await RunVariableAsync(dashboard, "model", database, variables));
        Assert.Equal([["model"], ["site"]], await RunVariableAsync(dashboard, "field", database, variables));
        Assert.Equal([["site", "a"], ["site", "b"]], await RunVariableAsync(dashboard, "value", database, variables));
        foreach (var (panel, query) in DashboardFiles.Queries(dashboard))
        {
            var series = await RunAsync(database, Fill(query, variables));
            Assert.True(series.Count > 0, $"panel '{panel}' returned no series");
        }

        var overall = Assert.Single(await RunPanelAsync(dashboard, "Calibration ratio over the range", database, variables));
        Assert.Equal(36.0 / 32.0, (double)overall["values"]![0]![1]!, 12);
        var impressions = Assert.Single(await RunPanelAsync(dashboard, "Impressions over the range", database, variables));
        Assert.Equal(300.0, (double)impressions["values"]![0]![1]!);

        var perField = await RunPanelAsync(dashboard, "Calibration ratio per $field", database, variables);
        Assert.Equal(["a", "b"], perField.Select(s => (string)s["tags"]!["site"]!));
        Assert.Equal([1.2, 1.2], perField[0]["values"]!.AsArray().Select(row => Math.Round((double)row![1]!, 12)));
        Assert.Equal([1.0, 1.0], perField[1]["values"]!.AsArray().Select(row => (double)row![1]!));
    }

    private async Task<List<JsonObject>> RunPanelAsync(JsonObject dashboard, string title, string database, Dictionary<string, string> variables)
    {
        var query = Assert.Single(DashboardFiles.Queries(dashboard), q => q.Panel == title).Query;
        return await RunAsync(database, Fill(query, variables));
    }

    private async Task<List<List<string>>> RunVariableAsync(JsonObject dashboard, string name, string database, Dictionary<string, string> variables)
    {
        var query = Assert.Single(DashboardFiles.VariableQueries(dashboard), v => v.Variable == name).Query;
        var rows = new List<List<string>>();
        foreach (var series in await RunAsync(database, Fill(query, variables)))
        {
            foreach (var row in series["values"]!.AsArray())
            {
                rows.Add([.. row!.AsArray().Select(cell => cell!.ToString())]);
            }
        }

        return rows;
    }

    /// <summary>Replaces Grafana's <c>$timeFilter</c> and every <c>$name</c> variable; an unknown variable fails the test.</summary>
    private static string Fill(string query, Dictionary<string, string> variables)
    {
        var to = Start.AddHours(3).ToUnixTimeMilliseconds();
        var filter = $"time >= {Start.ToUnixTimeMilliseconds()}ms AND time < {to}ms";
        return Variable().Replace(query, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "timeFilter")
            {
                return filter;
            }

            return variables.TryGetValue(name, out var value)
                ? value
                : throw new KeyNotFoundException($"The query uses ${name}, which the test does not set: {query}");
        });
    }

    private async Task<List<JsonObject>> RunAsync(string database, string query)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["db"] = database, ["q"] = query, ["epoch"] = "ms" });
        using var response = await http.PostAsync(new Uri(influx.Url, "query"), content, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode} for {query}: {body}");
        var result = JsonNode.Parse(body)!["results"]![0]!;
        Assert.True(result["error"] is null, $"InfluxQL error for {query}: {result["error"]}");
        return result["series"] is JsonArray series ? [.. series.Select(s => s!.AsObject())] : [];
    }

    private async Task WriteAsync(string database, IEnumerable<string> lines)
    {
        using var http = new HttpClient();
        await new InfluxWriteClient(http, influx.Server.Connection()).WriteAsync(database, lines, Token);
    }

    private static string Point(string measurement, DateTimeOffset time, params (string Key, object Value)[] pairs) =>
        InfluxLineProtocol.FormatPoint(
            measurement,
            pairs.Where(p => p.Value is string).Select(p => new KeyValuePair<string, string>(p.Key, (string)p.Value)),
            pairs.Where(p => p.Value is not string).Select(p => new KeyValuePair<string, object>(p.Key, Convert.ToDouble(p.Value, CultureInfo.InvariantCulture))),
            time);

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Variable();
}
