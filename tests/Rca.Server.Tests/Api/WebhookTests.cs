using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;
using Rca.Server.Webhooks;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class WebhookTests
{
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);

    private static ServerFactory CreateFactory()
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-40), ServerFactory.Start, Anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        _ = factory.Services;
        return factory;
    }

    private static StringContent Fixture(string name) =>
        new(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", name)), Encoding.UTF8, "application/json");

    /// <summary>Runs every queued alert check, as the Hangfire server would.</summary>
    private static async Task RunQueuedAsync(ServerFactory factory, CancellationToken ct)
    {
        var queued = await factory.QueryAsync(db => db.Set<AlertRecord>().Where(a => a.Outcome == AlertOutcome.Queued).Select(a => a.Id).ToListAsync(ct));
        foreach (var id in queued)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlertLocalizationJob>().RunAsync(id, ct);
        }
    }

    [Fact]
    public async Task Alertmanager_Firing_OpensOneIncident()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-firing.json"), ct);
        var receipt = await response.Content.ReadFromJsonAsync<AlertReceipt>(ct);
        await RunQueuedAsync(factory, ct);
        var alerts = await factory.QueryAsync(db => db.Set<AlertRecord>().OrderBy(a => a.Fingerprint).ToListAsync(ct));
        var incident = await factory.QueryAsync(db => db.Incidents.SingleAsync(ct));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["queued", "ignored", "ignored"], receipt!.Alerts.Select(a => a.Outcome));
        Assert.Equal(Anomaly, receipt.Alerts[0].WindowStart);
        Assert.Equal("No KPI is named 'checkout-latency'.", receipt.Alerts[1].Reason);
        Assert.Equal("The alert has no 'kpi' label (Webhooks:KpiLabel), so it names no KPI.", receipt.Alerts[2].Reason);
        Assert.Equal(3, alerts.Count);
        Assert.Equal("opened", alerts[0].Outcome);
        Assert.Equal(incident.Id, alerts[0].IncidentId);
        Assert.Equal("webhook", incident.Trigger);
        Assert.Equal(Anomaly.UtcDateTime, incident.WindowStart);
    }

    [Fact]
    public async Task Alertmanager_ResentGroup_IsIdempotent()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        var receipts = new List<AlertReceipt>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-firing.json"), ct);
            receipts.Add((await response.Content.ReadFromJsonAsync<AlertReceipt>(ct))!);
            await RunQueuedAsync(factory, ct);
        }

        Assert.Equal(3, await factory.QueryAsync(db => db.Set<AlertRecord>().CountAsync(ct)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Incidents.CountAsync(ct)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Checks.CountAsync(ct)));
        Assert.All(receipts.Skip(1), r => Assert.All(r.Alerts, a => Assert.Equal("duplicate", a.Outcome)));
        Assert.NotNull(receipts[2].Alerts[0].IncidentId);
    }

    [Fact]
    public async Task Alertmanager_Resolved_ResolvesIncident()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        (await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-firing.json"), ct)).EnsureSuccessStatusCode();
        await RunQueuedAsync(factory, ct);

        using var response = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-resolved.json"), ct);
        using var again = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-resolved.json"), ct);
        var receipt = await response.Content.ReadFromJsonAsync<AlertReceipt>(ct);
        var incident = await factory.QueryAsync(db => db.Incidents.SingleAsync(ct));
        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{incident.Id}", ct);

        Assert.Equal("resolved", Assert.Single(receipt!.Alerts).Outcome);
        Assert.Equal(incident.Id, receipt.Alerts[0].IncidentId);
        Assert.Equal("resolved", incident.Status);
        Assert.Equal("webhook:alertmanager", Assert.Single(detail!.History).Actor);
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<AlertReceipt>(ct))!.Alerts[0].Outcome);
    }

    [Fact]
    public async Task Alertmanager_ResolvedBeforeCheck_ResolvesNewIncident()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        (await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-firing.json"), ct)).EnsureSuccessStatusCode();
        using var resolved = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-resolved.json"), ct);
        await RunQueuedAsync(factory, ct);

        Assert.Equal("ignored", (await resolved.Content.ReadFromJsonAsync<AlertReceipt>(ct))!.Alerts[0].Outcome);
        Assert.Equal("resolved", (await factory.QueryAsync(db => db.Incidents.SingleAsync(ct))).Status);
    }

    [Fact]
    public async Task Alertmanager_Truncated_ProcessesSentAlerts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-truncated.json"), ct);
        var receipt = await response.Content.ReadFromJsonAsync<AlertReceipt>(ct);
        await RunQueuedAsync(factory, ct);
        var alert = await factory.QueryAsync(db => db.Set<AlertRecord>().SingleAsync(ct));

        Assert.Equal(7, receipt!.TruncatedAlerts);
        Assert.Equal(ServerFactory.Start.AddMinutes(-17), receipt.Alerts[0].WindowStart);
        Assert.Equal("normal", alert.Outcome);
        Assert.StartsWith("The total of KPI 'failure-rate' at 2026-03-01T11:43:00.0000000+00:00 did not deviate", alert.Reason);
        Assert.Equal(0, await factory.QueryAsync(db => db.Incidents.CountAsync(ct)));
    }

    [Fact]
    public async Task Grafana_FiringThenResolved()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var firing = await client.PostAsync("/api/v1/webhooks/grafana", Fixture("grafana-firing.json"), ct);
        await RunQueuedAsync(factory, ct);
        var opened = await factory.QueryAsync(db => db.Incidents.SingleAsync(ct));
        using var resolved = await client.PostAsync("/api/v1/webhooks/grafana", Fixture("grafana-resolved.json"), ct);
        var closed = await factory.QueryAsync(db => db.Incidents.SingleAsync(ct));

        Assert.Equal(HttpStatusCode.Accepted, firing.StatusCode);
        Assert.Equal("open", opened.Status);
        Assert.Equal(Anomaly.UtcDateTime, opened.WindowStart);
        Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<AlertReceipt>(ct))!.Alerts[0].Outcome);
        Assert.Equal("resolved", closed.Status);
    }

    [Theory]
    [InlineData("alertmanager", "alertmanager-firing.json", "\"version\": \"4\"", "\"version\": \"3\"", "version must be \"4\" in the alertmanager webhook format, got \"3\".")]
    [InlineData("alertmanager", "alertmanager-firing.json", "\"alerts\":", "\"items\":", "missing field 'alerts'.")]
    [InlineData("alertmanager", "alertmanager-firing.json", "\"fingerprint\": \"c0ffee0000000002\"", "\"fp\": \"x\"", "missing field 'alerts[1].fingerprint'.")]
    [InlineData("alertmanager", "alertmanager-firing.json", "\"startsAt\": \"2026-03-01T11:50:27.123Z\"", "\"startsAt\": \"yesterday\"", "field 'alerts[0].startsAt' must be an RFC 3339 time")]
    [InlineData("alertmanager", "alertmanager-firing.json", "\"groupKey\"", "\"group\"", "missing field 'groupKey'.")]
    [InlineData("grafana", "alertmanager-firing.json", "\"version\": \"4\"", "\"version\": \"4\"", "version must be \"1\" in the grafana webhook format, got \"4\".")]
    [InlineData("grafana", "grafana-firing.json", "\"status\": \"firing\",\n      \"labels\"", "\"status\": \"pending\",\n      \"labels\"", "field 'alerts[0].status' must be firing or resolved, got \"pending\".")]
    [InlineData("grafana", "grafana-firing.json", "{\n  \"receiver\"", "[{\n  \"receiver\"", "The body is not valid JSON")]
    public async Task Webhook_BadBody_Returns400(string source, string fixture, string find, string replace, string detail)
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", fixture));
        Assert.Contains(find, text);

        using var response = await client.PostAsync($"/api/v1/webhooks/{source}", new StringContent(text.Replace(find, replace, StringComparison.Ordinal), Encoding.UTF8, "application/json"), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Invalid webhook payload");
        Assert.StartsWith(detail, problem.Detail);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<AlertRecord>().CountAsync(ct)));
    }

    [Fact]
    public async Task Webhook_WithoutKey_Returns401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = CreateFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/v1/webhooks/alertmanager", Fixture("alertmanager-firing.json"), ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "API key required");
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<AlertRecord>().CountAsync(ct)));
    }
}
