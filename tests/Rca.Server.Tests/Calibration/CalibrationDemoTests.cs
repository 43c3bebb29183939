using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Contracts.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Demo;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary>
/// The demo stream, written to influxd and checked with the demo model's settings, shows ctr-demo
/// drifted in its busiest site, with a reliability diagram below the diagonal.
/// </summary>
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
                .WriteAsync(database, CalibrationPoints.ToLines(stream.Windows, CalibrationDemo.Measurement, "model", CalibrationDemo.ModelValue, CalibrationDemo.BucketTag), ct);
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
            [prefix + "BucketTag"] = model.BucketTag,
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

        // Each row is in one bucket, so the tag adds no points and the totals are the window's row sums.
        var last = stream.Windows[^1];
        Assert.Equal(last.Rows.Sum(row => row.Impressions), detail.Summary.Impressions, 6);
        Assert.Equal(last.Rows.Sum(row => row.Labels), detail.Summary.Labels, 6);
        Assert.Equal(last.Rows.Sum(row => row.PredictionSum), detail.Summary.PredictionSum, 6);
        Assert.Equal(detail.Summary.Impressions, detail.Reliability.Sum(point => point.Impressions), 6);

        // The drifted window's busiest buckets hold much of the drifted site's traffic, so their
        // points lie 7 to 20 % below the diagonal. In an in-band window, every point with 100 000
        // impressions or more lies within 5 % of it.
        var checks = (await client.GetFromJsonAsync<Page<CalibrationCheckSummary>>($"/api/v1/calibration/models/{CalibrationDemo.ModelName}/checks?limit=96", ct))!;
        var inBand = checks.Items.First(check => check.Verdict == "ok");
        var inBandDetail = (await client.GetFromJsonAsync<CalibrationCheckDetail>($"/api/v1/calibration/checks/{inBand.Id}", ct))!;
        Assert.True(detail.Reliability.Count >= 5, $"The drifted check has {detail.Reliability.Count} reliability points; expected at least 5.");
        Assert.True(inBandDetail.Reliability.Count >= 5, $"The in-band check has {inBandDetail.Reliability.Count} reliability points; expected at least 5.");
        foreach (var point in detail.Reliability.Where(point => point.Impressions >= 200_000))
        {
            Assert.InRange(point.ObservedRate / point.MeanPrediction, 0.80, 0.93);
        }

        foreach (var point in inBandDetail.Reliability.Where(point => point.Impressions >= 100_000))
        {
            Assert.InRange(point.ObservedRate / point.MeanPrediction, 0.95, 1.05);
        }

        Assert.True(detail.Summary.BucketEce > 5 * inBand.BucketEce, $"The bucket ECE is {detail.Summary.BucketEce} when drifted and {inBand.BucketEce} in band; expected over 5 times as high.");
    }

    [Fact]
    public void DemoStream_RowsInPredictionBuckets()
    {
        var (stream, _) = CalibrationDemo.Generate(new DateTimeOffset(2026, 3, 10, 12, 7, 0, TimeSpan.Zero));

        foreach (var row in stream.Windows.SelectMany(window => window.Rows))
        {
            // Buckets are 0.005 wide, so a CTR of 0.034 is bucket 6.
            var prediction = row.PredictionSum / row.Impressions;
            Assert.Equal((int)Math.Floor(prediction * 200), row.Bucket);
        }
    }

    [Fact]
    public async Task DemoLoader_ReplacesEarlierPoints()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = new DateTimeOffset(2026, 3, 10, 12, 7, 0, TimeSpan.Zero);
        var database = await influx.CreateDatabaseAsync("calibration_demo_restart", ct);

        // An earlier start, 2 hours before, wrote its stream without buckets. Its points at the 38
        // window times it shares with the new stream are other series, so only a drop removes them.
        var (earlier, _) = CalibrationDemo.Generate(now.AddHours(-2));
        using var http = new HttpClient();
        await new InfluxWriteClient(http, influx.Server.Connection())
            .WriteAsync(database, CalibrationPoints.ToLines(earlier.Windows, CalibrationDemo.Measurement, "model", CalibrationDemo.ModelValue), ct);

        using var factory = new CalibrationFactory(new Dictionary<string, string?> { ["Influx:Url"] = influx.Url.ToString() });
        factory.Clock.Now = now;
        var loader = new CalibrationDemoLoader(
            factory.Services.GetRequiredService<IHttpClientFactory>(),
            factory.Services.GetRequiredService<IBackgroundJobClient>(),
            Options.Create(new DemoOptions { InfluxUrl = influx.Url.ToString(), Database = database }),
            factory.Clock,
            NullLogger<CalibrationDemoLoader>.Instance);
        await loader.StartAsync(ct);
        await loader.ExecuteTask!;

        var (stream, _) = CalibrationDemo.Generate(now);
        var query = $"SELECT count(\"impressions\") FROM \"{CalibrationDemo.Measurement}\"";
        using var response = await http.GetAsync(new Uri(influx.Url, $"query?db={Uri.EscapeDataString(database)}&q={Uri.EscapeDataString(query)}"), ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var count = json.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0][1].GetInt64();
        Assert.Equal(stream.Windows.Sum(window => window.Rows.Count), count);
    }
}
