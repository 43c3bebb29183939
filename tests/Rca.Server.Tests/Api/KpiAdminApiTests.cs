using System.Net;
using System.Net.Http.Json;
using System.Text;
using Rca.Contracts;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class KpiAdminApiTests
{
    private const string Errors = """
        {
          "name": "errors",
          "source": { "database": "test" },
          "measurement": "requests",
          "field": "failures",
          "attributes": ["region", "isp"],
          "interval": "1m",
          "forecast": { "method": "mean", "history": 4 }
        }
        """;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Kpi_CreateGetUpdateDelete()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var created = await client.PostAsync("/api/v1/kpis", Json(Errors), ct);
        using var duplicate = await client.PostAsync("/api/v1/kpis", Json(Errors), ct);
        var definition = await client.GetStringAsync("/api/v1/kpis/errors", ct);
        using var updated = await client.PutAsync("/api/v1/kpis/errors", Json(Errors.Replace("\"1m\"", "\"5m\"", StringComparison.Ordinal)), ct);
        using var renamed = await client.PutAsync("/api/v1/kpis/errors", Json(Errors.Replace("\"errors\"", "\"other\"", StringComparison.Ordinal)), ct);
        var afterUpdate = await client.GetFromJsonAsync<List<KpiSummary>>("/api/v1/kpis", ct);
        using var deleted = await client.DeleteAsync($"/api/v1/kpis/{TestKpis.Name}", ct);
        using var deletedAgain = await client.DeleteAsync($"/api/v1/kpis/{TestKpis.Name}", ct);
        var incidents = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/kpis/errors", created.Headers.Location?.ToString());
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.Conflict, "KPI already exists");
        Assert.Contains("\"interval\":\"00:01:00\"", definition);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await ProblemAssert.IsProblemAsync(renamed, HttpStatusCode.BadRequest, "Invalid KPI definition");
        Assert.Equal(300, afterUpdate!.Single(k => k.Name == "errors").IntervalSeconds);
        Assert.Equal("*/5 * * * *", afterUpdate!.Single(k => k.Name == "errors").Schedule);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(deletedAgain, HttpStatusCode.NotFound, "KPI not found");
        Assert.Equal(3, incidents!.Total);
    }

    [Fact]
    public async Task Kpi_InvalidDefinition_NamesFields()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var invalid = Errors.Replace("\"1m\"", "\"7m\"", StringComparison.Ordinal).Replace("\"mean\"", "\"median\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/v1/kpis", Json(invalid), ct);
        using var badDuration = await client.PostAsync("/api/v1/kpis", Json(Errors.Replace("\"1m\"", "\"soon\"", StringComparison.Ordinal)), ct);
        using var unknownField = await client.PostAsync("/api/v1/kpis/test", Json(Errors.Replace("\"field\"", "\"fieldName\"", StringComparison.Ordinal)), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Invalid KPI definition");
        var errors = problem.Errors;
        Assert.Equal(["must divide a day evenly, got 00:07:00"], errors["Interval"]);
        Assert.Equal(["must be one of mean, seasonal-median, ewma, got 'median'"], errors["Forecast.Method"]);
        Assert.Equal("The KPI definition is invalid; see 'errors' for each field.", problem.Detail);
        var durationErrors = (await ProblemAssert.IsProblemAsync(badDuration, HttpStatusCode.BadRequest, "Invalid KPI definition")).Errors;
        Assert.Equal(
            ["is invalid (line 7, byte 21): Expected a duration such as \"30s\", \"5m\", \"1h\", \"1d\" or \"00:05:00\", got \"soon\"."],
            durationErrors["interval"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("fieldName", await unknownField.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Kpi_Test_ReadsLatestWindowWithoutSaving()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/kpis/test", Json(Errors), ct);
        var result = await response.Content.ReadFromJsonAsync<KpiTestResult>(ct);
        var kpis = await client.GetFromJsonAsync<List<KpiSummary>>("/api/v1/kpis", ct);
        factory.Source.Failure = new Rca.Server.Sources.KpiSourceException("errors", "InfluxDB at http://127.0.0.1:1 is unreachable.");
        using var failed = await client.PostAsync("/api/v1/kpis/test", Json(Errors), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ServerFactory.Start.AddMinutes(-1), result!.WindowStart);
        Assert.Equal(8, result.LeafCount);
        var failuresPerLeaf = 5 + (ServerFactory.Start.AddMinutes(-1).Minute % 3);
        Assert.Equal(8 * failuresPerLeaf, result.FieldSum);
        Assert.Equal(8 * failuresPerLeaf, result.Total);
        Assert.Null(result.DenominatorSum);
        Assert.DoesNotContain(kpis!, k => k.Name == "errors");
        var problem = await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.BadGateway, "KPI source query failed");
        Assert.Equal("InfluxDB at http://127.0.0.1:1 is unreachable.", problem.Detail);
    }
}
