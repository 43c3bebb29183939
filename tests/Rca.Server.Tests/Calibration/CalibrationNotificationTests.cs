using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Calibration;
using Rca.Server.Notifications;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary>
/// Calibration drifts through the notification outbox: the generated stream in a real influxd,
/// the check job with the outbox notifier, the dispatcher and a real HTTP receiver on 127.0.0.1.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationNotificationTests(InfluxDbFixture influx)
{
    private const string Secret = "calibration-signing-secret";

    // Window 20 is the first out-of-band window (drifting) and window 21 the first drifted one.
    // At 22:31 window 21 is the latest mature window, so one run stores exactly one drifted check.
    private static readonly DateTimeOffset FirstDriftMature = CalibrationStreams.Start.AddHours(22).AddMinutes(31);
    private static readonly DateTime FirstDriftedWindow = CalibrationStreams.Start.AddHours(21).UtcDateTime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<CalibrationFactory> CreateAsync(WebhookReceiver receiver, Action<Dictionary<string, string?>> configure)
    {
        var database = await CalibrationStreams.WriteAsync(influx, CalibrationStreams.Generate(), Token);
        var settings = CalibrationStreams.Settings(influx, database);
        settings["Api:PublicBaseUrl"] = "https://rca.example.test";
        settings["Notifications:Channels:ads-oncall:Type"] = "webhook";
        settings["Notifications:Channels:ads-oncall:Url"] = receiver.Url.ToString();
        settings["Notifications:Channels:ads-oncall:Secret"] = Secret;
        configure(settings);
        var factory = new CalibrationFactory(settings, recordNotices: false);
        _ = factory.Services;
        return factory;
    }

    private static void AddSlack(Dictionary<string, string?> settings, WebhookReceiver receiver, string name)
    {
        settings[$"Notifications:Channels:{name}:Type"] = "slack";
        settings[$"Notifications:Channels:{name}:Url"] = receiver.Url.ToString();
    }

    private static async Task<int> DispatchAsync(CalibrationFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(Token);
    }

    private static Task<List<OutboxMessageRecord>> MessagesAsync(CalibrationFactory factory) =>
        factory.QueryAsync(db => db.Set<OutboxMessageRecord>().AsNoTracking().OrderBy(m => m.Channel).ThenBy(m => m.Id).ToListAsync(Token));

    private static Task<CalibrationCheckRecord> CheckAsync(CalibrationFactory factory, DateTime windowStart) =>
        factory.QueryAsync(db => db.CalibrationChecks.AsNoTracking()
            .Include(c => c.Fields)
            .Include(c => c.Segments)
            .SingleAsync(c => c.ModelName == CalibrationStreams.ModelName && c.WindowStart == windowStart, Token));

    [Fact]
    public async Task Drift_OneMessagePerListedChannel_DeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, settings =>
        {
            AddSlack(settings, receiver, "ads-slack");
            AddSlack(settings, receiver, "unlisted");
            settings[$"Calibration:Models:{CalibrationStreams.ModelName}:Channels:1"] = "ads-slack";
        });
        factory.Clock.Now = FirstDriftMature;

        var summary = await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var check = await CheckAsync(factory, FirstDriftedWindow);
        var queued = await MessagesAsync(factory);

        Assert.Equal(1, summary.Drifted);
        Assert.Equal(CalibrationStates.Drifted, check.State);
        Assert.Equal(["ads-oncall", "ads-slack"], queued.Select(m => m.Channel));
        Assert.All(queued, message => Assert.Equal(check.Id, message.CalibrationCheckId));
        Assert.All(queued, message => Assert.Null(message.IncidentId));
        Assert.All(queued, message => Assert.Equal(NotificationEvents.CalibrationDrifted, message.Event));
        Assert.All(queued, message => Assert.Equal(NotificationEvents.Pending, message.Status));

        var delivered = await DispatchAsync(factory);
        factory.Clock.Now = FirstDriftMature.AddHours(1);
        var again = await DispatchAsync(factory);

        Assert.Equal(2, delivered);
        Assert.Equal(0, again);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(
            queued.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            receiver.Requests.Select(r => r.Headers["X-Rca-Delivery"]).Order());
        Assert.All(receiver.Requests, request => Assert.Equal("calibration.drifted", request.Headers["X-Rca-Event"]));

        using var client = factory.CreateClient();
        var page = await client.GetFromJsonAsync<Page<NotificationMessageDto>>($"/api/v1/notifications?calibrationCheckId={check.Id}", Token);
        var incidentPage = await client.GetFromJsonAsync<Page<NotificationMessageDto>>("/api/v1/notifications?incidentId=1", Token);

        Assert.Equal(2, page!.Total);
        Assert.All(page.Items, item => Assert.Equal(check.Id, item.CalibrationCheckId));
        Assert.All(page.Items, item => Assert.Null(item.IncidentId));
        Assert.All(page.Items, item => Assert.Equal("delivered", item.Status));
        Assert.All(page.Items, item => Assert.Equal(1, item.Attempts));
        Assert.Equal(0, incidentPage!.Total);
    }

    [Fact]
    public async Task Webhook_CalibrationBody_SignedAndShaped()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, _ => { });
        factory.Clock.Now = FirstDriftMature;
        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var check = await CheckAsync(factory, FirstDriftedWindow);

        Assert.Equal(1, await DispatchAsync(factory));

        var request = Assert.Single(receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body));
        Assert.Equal(expected, request.Headers["X-Rca-Signature"]);
        Assert.Equal(FirstDriftMature.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Headers["X-Rca-Timestamp"]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("1", root.GetProperty("version").GetString());
        Assert.Equal("calibration.drifted", root.GetProperty("event").GetString());
        Assert.Equal("2026-03-01T22:31:00.000+00:00", root.GetProperty("sentAt").GetString());
        Assert.False(root.TryGetProperty("incident", out _));

        var payload = root.GetProperty("calibrationCheck");
        Assert.Equal(check.Id, payload.GetProperty("id").GetInt64());
        Assert.Equal("ctr", payload.GetProperty("model").GetString());
        Assert.Equal("2026-03-01T21:00:00.0000000+00:00", payload.GetProperty("windowStart").GetString());
        Assert.Equal("2026-03-01T22:00:00.0000000+00:00", payload.GetProperty("windowEnd").GetString());
        Assert.Equal("drifted", payload.GetProperty("verdict").GetString());
        Assert.Equal("high", payload.GetProperty("severity").GetString());
        Assert.Equal(check.CalibrationRatio, payload.GetProperty("calibrationRatio").GetDouble());
        Assert.Equal(2, payload.GetProperty("consecutiveOutOfBand").GetInt32());
        Assert.Equal($"https://rca.example.test/api/v1/calibration/checks/{check.Id}", payload.GetProperty("url").GetString());

        var site = payload.GetProperty("fields")[0];
        Assert.Equal("site", site.GetProperty("field").GetString());
        Assert.True(site.GetProperty("outOfBand").GetBoolean());
        Assert.True(site.GetProperty("band").GetProperty("learned").GetBoolean());

        var segment = payload.GetProperty("segments")[0];
        Assert.Equal("site=site_1", segment.GetProperty("segment").GetString());
        Assert.InRange(segment.GetProperty("calibrationRatio").GetDouble(), 1.25, 1.35);
        Assert.InRange(segment.GetProperty("correctionFactor").GetDouble(), 1 / 1.3 - 0.03, 1 / 1.3 + 0.03);
        Assert.True(segment.GetProperty("z").GetDouble() < -4);
        Assert.Equal(check.Segments.Count, payload.GetProperty("segments").GetArrayLength());

        var tampered = (byte[])request.Body.Clone();
        tampered[^2] ^= 1;
        Assert.NotEqual(expected, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), tampered)));
    }

    [Fact]
    public async Task Slack_CalibrationBody_HasBlocks()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, settings =>
        {
            AddSlack(settings, receiver, "ads-slack");
            settings[$"Calibration:Models:{CalibrationStreams.ModelName}:Channels:0"] = "ads-slack";
        });
        factory.Clock.Now = FirstDriftMature;
        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var check = await CheckAsync(factory, FirstDriftedWindow);

        Assert.Equal(1, await DispatchAsync(factory));

        var request = Assert.Single(receiver.Requests);
        Assert.False(request.Headers.ContainsKey("X-Rca-Signature"));
        using var body = JsonDocument.Parse(request.Body);
        var blocks = body.RootElement.GetProperty("blocks");
        Assert.Equal("Calibration of ctr drifted (2026-03-01 21:00–22:00 UTC)", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Calibration of ctr drifted", blocks[0].GetProperty("text").GetProperty("text").GetString());

        var fields = blocks[1].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Equal("*Model*\nctr", fields[0]);
        Assert.Equal("*Window*\n2026-03-01 21:00–22:00 UTC", fields[1]);
        Assert.Equal("*Verdict*\ndrifted, out of band for 2 windows in a row", fields[2]);
        var ratio = check.CalibrationRatio!.Value;
        Assert.True(ratio > 1, $"ratio = {ratio}");
        var overPrediction = ((ratio - 1) * 100).ToString("0.#", CultureInfo.InvariantCulture);
        Assert.Equal($"*Calibration ratio P/Y*\n{Metric(ratio)}, over-predicts by {overPrediction}%", fields[3]);

        var metrics = blocks[2].GetProperty("text").GetProperty("text").GetString()!;
        var site = check.Fields.Single(f => f.Field == "site");
        Assert.True(site.OutOfBand);
        Assert.True(check.RatioOutOfBand);
        Assert.StartsWith("*Metrics out of band*\n", metrics);
        Assert.Contains($"\n• Field-RCE of `site` {Metric(site.FieldRce)}, above its band's upper limit {Metric(site.BandUpper!.Value)}", metrics);
        Assert.Contains($"\n• calibration ratio P/Y {Metric(ratio)}, band {Metric(check.RatioBandLower!.Value)}–{Metric(check.RatioBandUpper!.Value)}", metrics);

        var segments = blocks[3].GetProperty("text").GetProperty("text").GetString()!;
        var top = check.Segments.OrderBy(s => s.Position).First();
        Assert.Equal("site=site_1", top.Segment);
        Assert.StartsWith(
            $"*Top miscalibrated segments*\n1. `site=site_1`: ratio P/Y {Metric(top.PredictionSum / top.Labels)}, correction factor Y/P {Metric(top.Labels / top.PredictionSum)}",
            segments);
        Assert.Equal(Math.Min(check.Segments.Count, 3) + 1, segments.Split('\n').Length);

        var button = blocks[4].GetProperty("elements")[0];
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("Open check", button.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal($"https://rca.example.test/api/v1/calibration/checks/{check.Id}", button.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Retry_AddsNoSecondMessage()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, _ => { });
        factory.Clock.Now = FirstDriftMature;
        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var first = await MessagesAsync(factory);

        var retried = await factory.RunAsync(CalibrationStreams.ModelName, Token);
        factory.Clock.Now = FirstDriftMature.AddMinutes(3);
        var repeated = await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var after = await MessagesAsync(factory);

        Assert.Single(first);
        Assert.Equal(new CalibrationRunSummary(0, 0, 0, 0), retried);
        Assert.Equal(new CalibrationRunSummary(0, 0, 0, 0), repeated);
        Assert.Equal(first.Select(m => m.Id), after.Select(m => m.Id));
    }

    [Fact]
    public async Task Immature_QueuesNothingUntilMature()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, _ => { });
        factory.Clock.Now = CalibrationStreams.Start.AddHours(22).AddMinutes(10);

        var young = await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var immature = await CheckAsync(factory, FirstDriftedWindow);
        var beforeMaturing = await MessagesAsync(factory);

        Assert.Equal(0, young.Drifted);
        Assert.Equal(CalibrationStates.Immature, immature.State);
        Assert.Empty(beforeMaturing);

        factory.Clock.Now = FirstDriftMature.AddMinutes(9);
        var mature = await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var matured = await CheckAsync(factory, FirstDriftedWindow);
        var queued = await MessagesAsync(factory);

        Assert.Equal(new CalibrationRunSummary(0, 1, 0, 1), mature);
        Assert.Equal(immature.Id, matured.Id);
        Assert.Equal(CalibrationStates.Drifted, matured.State);
        var message = Assert.Single(queued);
        Assert.Equal(matured.Id, message.CalibrationCheckId);
        Assert.Equal("ads-oncall", message.Channel);
    }

    [Fact]
    public async Task OkWindows_QueueNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, _ => { });
        factory.Clock.Now = CalibrationStreams.Start.AddHours(20).AddMinutes(31);

        var summary = await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var states = await factory.QueryAsync(db => db.CalibrationChecks.Select(c => c.State).Distinct().OrderBy(s => s).ToListAsync(Token));

        Assert.Equal(0, summary.Drifted);
        Assert.Equal(20, summary.Inserted);
        Assert.Equal([CalibrationStates.InsufficientHistory, CalibrationStates.Ok], states);
        Assert.Empty(await MessagesAsync(factory));
        Assert.Equal(0, await DispatchAsync(factory));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Filters_ModelsApplyKpisIgnored()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Token);
        using var factory = await CreateAsync(receiver, settings =>
        {
            // A model without Channels sends to every channel whose filters accept it.
            settings.Remove($"Calibration:Models:{CalibrationStreams.ModelName}:Channels:0");
            AddSlack(settings, receiver, "ctr-only");
            settings["Notifications:Channels:ctr-only:Filters:Models:0"] = CalibrationStreams.ModelName;
            AddSlack(settings, receiver, "cvr-only");
            settings["Notifications:Channels:cvr-only:Filters:Models:0"] = "cvr";
            AddSlack(settings, receiver, "kpi-filtered");
            settings["Notifications:Channels:kpi-filtered:Filters:Kpis:0"] = "checkout-latency";
            AddSlack(settings, receiver, "high-only");
            settings["Notifications:Channels:high-only:Filters:MinSeverity"] = "high";
        });
        factory.Clock.Now = FirstDriftMature;

        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var channels = (await MessagesAsync(factory)).Select(m => m.Channel);

        Assert.Equal(["ads-oncall", "ctr-only", "high-only", "kpi-filtered"], channels);
    }

    [Fact]
    public void Options_EmptyModelFilter_IsInvalid()
    {
        var options = new NotificationOptions();
        options.Channels["ads"] = new NotificationChannelOptions
        {
            Type = "slack",
            Url = "https://hooks.example.test/ads",
            Filters = new NotificationFilterOptions { Models = ["ctr", " "] },
        };

        var errors = options.Validate();

        Assert.Equal(["Notifications:Channels:ads:Filters:Models:1 is empty. Expected a calibration model name."], errors);
    }

    private static string Metric(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
