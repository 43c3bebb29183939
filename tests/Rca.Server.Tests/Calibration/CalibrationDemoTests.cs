using System.Globalization;
using System.Net.Http.Json;
using Rca.Contracts.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary>The demo stream, written to influxd and checked with the demo model's settings, shows ctr-demo drifted in its busiest site.</summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationDemoTests(InfluxDbFixture influx)
{
    [Fact]
    public async Task DemoStream_LatestCheckDriftedInOneSite()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = new DateTimeOffset(2026, 3, 10, 12, 7, 0, TimeSpan.Zero);
        var (stream, site) = CalibrationDemo.Generate(now);
        var database = await influx.CreateDatabaseAsync("calibration_demo", ct);
        using (var http = new HttpClient())
        {
            await new InfluxWriteClient(http, influx.Server.Connection())
                .WriteAsync(database, CalibrationPoints.ToLines(stream.Windows, CalibrationDemo.Measurement, "model", CalibrationDemo.ModelValue), ct);
        }

        var model = CalibrationDemo.Model(database);
        var prefix = $"Calibration:Models:{CalibrationDemo.ModelName}:";
        var settings = new Dictionary<string, string?>
        {
            ["Influx:Url"] = influx.Url.ToString(),
            [prefix + "Measurement"] = model.Measurement,
            [prefix + "Model"] = model.Model,
            [prefix + "Window"] = model.Window,
            [prefix + "LabelDelay"] = model.LabelDelay,
            [prefix + "Database"] = model.Database,
        };
        for (var i = 0; i < model.Fields.Count; i++)
        {
            settings[prefix + "Fields:" + i.ToString(CultureInfo.InvariantCulture)] = model.Fields[i];
        }

        using var factory = new CalibrationFactory(settings);
        factory.Clock.Now = now;
        await factory.RunAsync(CalibrationDemo.ModelName, ct);
        using var client = factory.CreateClient();

        var summary = Assert.Single((await client.GetFromJsonAsync<List<CalibrationModelSummary>>("/api/v1/calibration/models", ct))!);
        Assert.Equal("drifted", summary.LatestCheck!.Verdict);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), summary.LatestCheck.WindowStart);
        var detail = (await client.GetFromJsonAsync<CalibrationCheckDetail>($"/api/v1/calibration/checks/{summary.LatestCheck.Id}", ct))!;
        var segment = Assert.Single(detail.Segments);
        Assert.Equal(site.ToString(), segment.Segment);
        Assert.InRange(segment.CalibrationRatio!.Value, 1.25, 1.35);
    }
}
