using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Rca.Contracts;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

[Collection(HostCollection.Name)]
public sealed class ReadApiTests
{
    private static readonly DateTimeOffset[] Anomalies =
    [
        ServerFactory.Start.AddMinutes(-20),
        ServerFactory.Start.AddMinutes(-13),
        ServerFactory.Start.AddMinutes(-6),
    ];

    private static async Task<(ServerFactory Factory, HttpClient Client)> CreateAsync(CancellationToken ct)
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-40), ServerFactory.Start, Anomalies);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95), ScriptedLocalizer.Set("isp=b", gps: 0.5)];
        var client = factory.CreateClient();
        foreach (var anomaly in Anomalies)
        {
            await factory.RunWindowAsync(TestKpis.Name, anomaly, ct);
        }

        return (factory, client);
    }

    [Fact]
    public async Task Incidents_Paging_NewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var (factory, client) = await CreateAsync(ct);
        using var _ = factory;
        using var __ = client;

        var first = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?limit=2", ct);
        var second = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?limit=2&offset=2", ct);
        var filtered = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?kpi=other", ct);

        Assert.Equal(3, first!.Total);
        Assert.Equal([Anomalies[2], Anomalies[1]], first.Items.Select(i => i.WindowStart));
        Assert.Equal([Anomalies[0]], second!.Items.Select(i => i.WindowStart));
        Assert.Equal(2, second.Offset);
        Assert.Equal(0, filtered!.Total);
        Assert.Empty(filtered.Items);
    }

    [Fact]
    public async Task Incident_Detail_HasRootCauseSets()
    {
        var ct = TestContext.Current.CancellationToken;
        var (factory, client) = await CreateAsync(ct);
        using var _ = factory;
        using var __ = client;
        var list = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?limit=1", ct);

        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{list!.Items[0].Id}", ct);

        Assert.Equal("failure-rate", detail!.Summary.Kpi);
        Assert.Equal("isp=b;region=eu", detail.Summary.RootCause);
        Assert.Equal(0.5, detail.MinGps);
        Assert.Equal(0.8, detail.ExternalThreshold);

        // A minimum GPS of 0.5 is below the threshold, but the two sets explain the whole change.
        Assert.False(detail.Summary.External);
        Assert.Equal(8, detail.LeafCount);
        Assert.Equal(2, detail.RootCauseSets.Count);
        Assert.Equal(["region=eu"], detail.RootCauseSets[0].Combinations);
        Assert.Equal(["region"], detail.RootCauseSets[0].Cuboid);
        Assert.Equal(0.95, detail.RootCauseSets[0].Gps);
        Assert.Equal(0.9, detail.RootCauseSets[0].ExplanatoryPower);
        Assert.Equal(140, detail.RootCauseSets[0].Impact);
        Assert.Equal(["isp=b"], detail.RootCauseSets[1].Combinations);
    }

    [Fact]
    public async Task Incident_Unknown_Returns404Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var (factory, client) = await CreateAsync(ct);
        using var _ = factory;
        using var __ = client;

        using var response = await client.GetAsync("/api/v1/incidents/999", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(ct);
        Assert.Equal(404, problem!.Status);
        Assert.Equal("Incident not found", problem.Title);
        Assert.Equal("No incident has id 999.", problem.Detail);
    }

    [Fact]
    public async Task Incidents_BadLimit_Returns400Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var (factory, client) = await CreateAsync(ct);
        using var _ = factory;
        using var __ = client;

        using var response = await client.GetAsync("/api/v1/incidents?limit=501", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(ct);
        Assert.Equal("Invalid paging parameters", problem!.Title);
        Assert.Equal("'limit' must be between 1 and 500, got 501.", problem.Detail);
    }

    [Fact]
    public async Task Kpis_ListWithLatestCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        var (factory, client) = await CreateAsync(ct);
        using var _ = factory;
        using var __ = client;

        var kpis = await client.GetFromJsonAsync<List<KpiSummary>>("/api/v1/kpis", ct);
        var checks = await client.GetFromJsonAsync<Page<KpiCheckDto>>("/api/v1/kpis/failure-rate/checks?limit=2", ct);
        using var missing = await client.GetAsync("/api/v1/kpis/nope/checks", ct);

        var kpi = Assert.Single(kpis!);
        Assert.Equal("ratio", kpi.Measure);
        Assert.Equal(["region", "isp"], kpi.Attributes);
        Assert.Equal("* * * * *", kpi.Schedule);
        Assert.Equal(Anomalies[2], kpi.LatestCheck!.WindowStart);
        Assert.Equal("anomalous", kpi.LatestCheck.Status);
        Assert.Equal(3, checks!.Total);
        Assert.Equal([Anomalies[2], Anomalies[1]], checks.Items.Select(c => c.WindowStart));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task OpenApi_ListsRoutes()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var document = await client.GetStringAsync("/openapi/v1.json", ct);

        Assert.Contains("\"/api/v1/incidents/{id}\"", document);
        Assert.Contains("\"/api/v1/kpis/{name}/replay\"", document);
        Assert.Contains("\"/healthz\"", document);
        Assert.Contains("\"ListIncidents\"", document);
    }
}
