using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Notifications;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class NotificationTests
{
    private const string Secret = "test-signing-secret";
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);

    private static ServerFactory CreateFactory(WebhookReceiver receiver, string type, string? directory = null, Action<ServerFactory>? configure = null)
    {
        var factory = new ServerFactory(TestKpis.SeedJson, directory: directory);
        factory.Settings["Notifications:Channels:oncall:Type"] = type;
        factory.Settings["Notifications:Channels:oncall:Url"] = receiver.Url.ToString();
        factory.Settings["Notifications:Channels:oncall:Secret"] = Secret;
        factory.Settings["Notifications:MaxAttempts"] = "5";
        factory.Settings["Api:PublicBaseUrl"] = "https://rca.example.test";
        configure?.Invoke(factory);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-40), ServerFactory.Start, Anomaly);
        factory.Localizer.Result =
        [
            ScriptedLocalizer.Set("region=eu", gps: 0.95),
            ScriptedLocalizer.Set("isp=b", gps: 0.9),
            ScriptedLocalizer.Set("region=us&isp=a", gps: 0.85),
            ScriptedLocalizer.Set("region=ap", gps: 0.82),
        ];
        _ = factory.Services;
        return factory;
    }

    private static async Task<int> DispatchAsync(ServerFactory factory, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(ct);
    }

    [Fact]
    public async Task Outbox_RetriesAcrossRestart_DeliversOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        receiver.Respond(500, 500);
        var directory = Path.Combine(Path.GetTempPath(), "rca-outbox-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = CreateFactory(receiver, "webhook", directory))
            {
                first.Settings["Hangfire:Storage"] = "inmemory";
                await first.RunWindowAsync(TestKpis.Name, Anomaly, ct);
                Assert.Equal(0, await DispatchAsync(first, ct));
                Assert.Equal(0, await DispatchAsync(first, ct));
            }

            using var second = CreateFactory(receiver, "webhook", directory);
            second.Clock.Now = ServerFactory.Start.AddSeconds(9);
            var early = await DispatchAsync(second, ct);
            second.Clock.Now = ServerFactory.Start.AddSeconds(10);
            var retried = await DispatchAsync(second, ct);
            second.Clock.Now = ServerFactory.Start.AddSeconds(31);
            var delivered = await DispatchAsync(second, ct);
            second.Clock.Now = ServerFactory.Start.AddMinutes(10);
            var after = await DispatchAsync(second, ct);
            var message = await second.QueryAsync(db => db.Set<OutboxMessageRecord>().SingleAsync(ct));

            Assert.Equal(0, early);
            Assert.Equal(0, retried);
            Assert.Equal(1, delivered);
            Assert.Equal(0, after);
            Assert.Equal([500, 500, 200], receiver.Requests.Select(r => r.Status));
            Assert.Single(receiver.Requests.Select(r => r.Headers["X-Rca-Delivery"]).Distinct());
            Assert.Equal("delivered", message.Status);
            Assert.Equal(3, message.Attempts);
            Assert.Equal(200, message.LastStatusCode);
            Assert.Null(message.LeaseId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Webhook_SignedBody_Verifies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var factory = CreateFactory(receiver, "webhook");
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);

        Assert.Equal(1, await DispatchAsync(factory, ct));

        var request = Assert.Single(receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body));
        Assert.Equal(expected, request.Headers["X-Rca-Signature"]);
        Assert.Equal(ServerFactory.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["X-Rca-Timestamp"]);
        Assert.Equal("incident.opened", request.Headers["X-Rca-Event"]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("1", root.GetProperty("version").GetString());
        Assert.Equal("2026-03-01T12:00:00.000+00:00", root.GetProperty("sentAt").GetString());
        Assert.Equal("incident.opened", root.GetProperty("event").GetString());
        var incident = root.GetProperty("incident");
        Assert.Equal("failure-rate", incident.GetProperty("kpi").GetString());
        Assert.Equal("high", incident.GetProperty("severity").GetString());
        Assert.Equal($"https://rca.example.test/incidents/{incident.GetProperty("id").GetInt64()}", incident.GetProperty("url").GetString());
        Assert.Equal("region=eu", incident.GetProperty("rootCauseSets")[0].GetProperty("combinations")[0].GetString());
        var tampered = (byte[])request.Body.Clone();
        tampered[^2] ^= 1;
        Assert.NotEqual(expected, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), tampered)));
    }

    [Fact]
    public async Task Slack_Body_HasBlocks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var factory = CreateFactory(receiver, "slack");
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);
        var id = await factory.QueryAsync(db => db.Incidents.Select(i => i.Id).SingleAsync(ct));

        await DispatchAsync(factory, ct);

        var request = Assert.Single(receiver.Requests);
        Assert.False(request.Headers.ContainsKey("X-Rca-Signature"));
        using var body = JsonDocument.Parse(request.Body);
        var blocks = body.RootElement.GetProperty("blocks");
        Assert.StartsWith("failure-rate is up ", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.StartsWith("failure-rate is up ", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var fields = blocks[1].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Equal("*KPI*\nfailure-rate", fields[0]);
        Assert.Equal("*Window*\n2026-03-01 11:50–11:51 UTC", fields[1]);
        Assert.Equal("*Severity*\nhigh", fields[2]);
        Assert.StartsWith("*Change*\nup ", fields[3]);
        var causes = blocks[2].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Equal(
            "*Top root causes*\n1. `region=eu`: 90% of the change\n2. `isp=b`: 90% of the change\n3. `isp=a&amp;region=us`: 90% of the change",
            causes);
        var button = blocks[blocks.GetArrayLength() - 1].GetProperty("elements")[0];
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal($"https://rca.example.test/incidents/{id}", button.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Resolve_QueuesOneResolvedMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var factory = CreateFactory(receiver, "webhook");
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var id = await factory.QueryAsync(db => db.Incidents.Select(i => i.Id).SingleAsync(ct));

        (await client.PostAsync($"/api/v1/incidents/{id}/resolve", null, ct)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/v1/incidents/{id}/reopen", null, ct)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/v1/incidents/{id}/resolve", null, ct)).EnsureSuccessStatusCode();
        await DispatchAsync(factory, ct);

        var events = await factory.QueryAsync(db => db.Set<OutboxMessageRecord>().OrderBy(m => m.Id).Select(m => m.Event).ToListAsync(ct));
        Assert.Equal(["incident.opened", "incident.resolved"], events);
        Assert.Equal(["incident.opened", "incident.resolved"], receiver.Requests.Select(r => r.Headers["X-Rca-Event"]));
    }

    [Fact]
    public async Task Filters_SkipOtherKpisAndLowSeverity()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var factory = CreateFactory(receiver, "webhook", configure: f =>
        {
            f.Settings["Notifications:Channels:other:Type"] = "slack";
            f.Settings["Notifications:Channels:other:Url"] = receiver.Url.ToString();
            f.Settings["Notifications:Channels:other:Filters:Kpis:0"] = "checkout-latency";
            f.Settings["Notifications:Channels:critical:Type"] = "slack";
            f.Settings["Notifications:Channels:critical:Url"] = receiver.Url.ToString();
            f.Settings["Notifications:Channels:critical:Filters:MinSeverity"] = "high";
        });

        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);

        var channels = await factory.QueryAsync(db => db.Set<OutboxMessageRecord>().OrderBy(m => m.Channel).Select(m => m.Channel).ToListAsync(ct));
        Assert.Equal(["critical", "oncall"], channels);
    }

    [Fact]
    public async Task Failed_Delivery_IsListed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        receiver.Respond(503);
        using var factory = CreateFactory(receiver, "webhook", configure: f => f.Settings["Notifications:MaxAttempts"] = "1");
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);
        using var client = factory.CreateClient();

        await DispatchAsync(factory, ct);
        factory.Clock.Now = ServerFactory.Start.AddHours(1);
        await DispatchAsync(factory, ct);
        var failed = await client.GetFromJsonAsync<Page<NotificationMessageDto>>("/api/v1/notifications?status=failed", ct);
        var pending = await client.GetFromJsonAsync<Page<NotificationMessageDto>>("/api/v1/notifications?status=pending", ct);
        using var bad = await client.GetAsync("/api/v1/notifications?status=lost", ct);

        var message = Assert.Single(failed!.Items);
        Assert.Equal("oncall", message.Channel);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(503, message.LastStatusCode);
        Assert.Equal($"{receiver.Url} answered 503 Service Unavailable.", message.LastError);
        Assert.Equal(0, pending!.Total);
        Assert.Single(receiver.Requests);
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "Invalid notification filter");
    }

    [Fact]
    public async Task Lease_StopsSecondDispatcher()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var factory = CreateFactory(receiver, "webhook");
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);
        receiver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = DispatchAsync(factory, ct);
        await receiver.Arrived.Task.WaitAsync(ct);
        var second = await DispatchAsync(factory, ct);
        receiver.Gate.SetResult();
        var firstDelivered = await first;

        Assert.Equal(0, second);
        Assert.Equal(1, firstDelivered);
        Assert.Single(receiver.Requests);
    }
}
