using System.Text.Json.Nodes;

namespace Rca.Server.Tests.Dashboards;

/// <summary>Finds the repository's <c>dashboards/</c> folder from the test output directory and loads its files.</summary>
internal static class DashboardFiles
{
    public static readonly string[] Names = ["rcaservice.json", "kpi-explorer.json", "calibration.json"];

    public static string Directory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "dashboards");
            if (File.Exists(Path.Combine(candidate, "rcaservice.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No dashboards/ folder with rcaservice.json above {AppContext.BaseDirectory}.");
    }

    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory(), name)))?.AsObject()
        ?? throw new InvalidDataException($"dashboards/{name} is the JSON literal null.");

    /// <summary>Returns every panel, including those nested in collapsed rows.</summary>
    public static IEnumerable<JsonObject> Panels(JsonObject dashboard)
    {
        foreach (var panel in dashboard["panels"]!.AsArray())
        {
            yield return panel!.AsObject();
            if (panel["panels"] is JsonArray nested)
            {
                foreach (var inner in nested)
                {
                    yield return inner!.AsObject();
                }
            }
        }
    }

    /// <summary>Returns the query text of every target: <c>expr</c> for Prometheus, <c>query</c> for InfluxQL.</summary>
    public static IEnumerable<(string Panel, string Query)> Queries(JsonObject dashboard)
    {
        foreach (var panel in Panels(dashboard))
        {
            if (panel["targets"] is not JsonArray targets)
            {
                continue;
            }

            foreach (var target in targets)
            {
                var query = (string?)target!["expr"] ?? (string?)target["query"];
                if (query is not null)
                {
                    yield return ((string)panel["title"]!, query);
                }
            }
        }
    }

    /// <summary>Returns the query text of every query variable.</summary>
    public static IEnumerable<(string Variable, string Query)> VariableQueries(JsonObject dashboard)
    {
        foreach (var variable in dashboard["templating"]!["list"]!.AsArray())
        {
            if ((string?)variable!["type"] != "query")
            {
                continue;
            }

            var query = variable["query"] is JsonObject structured ? (string?)structured["query"] : (string?)variable["query"];
            yield return ((string)variable["name"]!, query ?? "");
        }
    }
}
