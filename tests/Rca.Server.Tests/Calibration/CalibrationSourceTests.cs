using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rca.Server.Calibration;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Server.Tests.Calibration;

/// <summary>Reads hand-written aggregates back from a real influxd.</summary>
public sealed class CalibrationSourceTests(InfluxDbFixture influx)
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> WriteAsync(params string[] lines)
    {
        var database = await influx.CreateDatabaseAsync("calibration_source", Token);
        using var http = new HttpClient();
        await new InfluxWriteClient(http, influx.Server.Connection()).WriteAsync(database, lines, Token);
        return database;
    }

    private CalibrationSource CreateSource()
    {
        var monitor = new OptionsMonitor<InfluxOptions>(
            new OptionsFactory<InfluxOptions>([new ConfigureOptions<InfluxOptions>(o => o.Default = influx.Server.Connection())], []),
            [],
            new OptionsCache<InfluxOptions>());
        return new CalibrationSource(new HttpClient(), monitor, NullLogger<CalibrationSource>.Instance);
    }

    private static CalibrationModelOptions Model(string database) => new()
    {
        Measurement = "cal",
        Model = "v1",
        Fields = ["site"],
        BucketTag = "bucket",
        Window = "1h",
        Database = database,
    };

    [Fact]
    public async Task Read_SumsPointsPerWindowSiteAndBucket()
    {
        var database = await WriteAsync(
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "a"), new("bucket", "0")], [new("impressions", 100L), new("labels", 2L), new("pred_sum", 2.5), new("pred_sq_sum", 0.1)], From),
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "a"), new("bucket", "0")], [new("impressions", 50L), new("labels", 1L), new("pred_sum", 1.0), new("pred_sq_sum", 0.05)], From.AddMinutes(30)),
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "b"), new("bucket", "3")], [new("impressions", 10L), new("labels", 4L), new("pred_sum", 3.5), new("pred_sq_sum", 1.3)], From.AddMinutes(10)),
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v2"), new("site", "a"), new("bucket", "0")], [new("impressions", 999L), new("labels", 9L), new("pred_sum", 9.0), new("pred_sq_sum", 1.0)], From),
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "a"), new("bucket", "1")], [new("impressions", 20L), new("labels", 3L), new("pred_sum", 2.0), new("pred_sq_sum", 0.3)], From.AddHours(2)));

        var windows = await CreateSource().ReadAsync("m", Model(database), From, From.AddHours(3), Token);

        Assert.Equal([From, From.AddHours(2)], windows.Select(w => w.Start));
        Assert.Equal(TimeSpan.FromHours(1), windows[0].Length);
        Assert.True(windows[0].HasBuckets);
        Assert.True(windows[0].HasPredictionSquareSum);
        var rows = windows[0].Rows.OrderBy(r => r.FieldValues[0]).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a"], rows[0].FieldValues);
        Assert.Equal(0, rows[0].Bucket);
        Assert.Equal((150.0, 3.0, 3.5), (rows[0].Impressions, rows[0].Labels, rows[0].PredictionSum));
        Assert.Equal(0.15, rows[0].PredictionSquareSum!.Value, 12);
        Assert.Equal(3, rows[1].Bucket);
        Assert.Equal(1, windows[1].Rows[0].Bucket);
    }

    [Fact]
    public async Task Read_WithoutSquareSums_LeavesThemOut()
    {
        var database = await WriteAsync(
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "a"), new("bucket", "0")], [new("impressions", 100L), new("labels", 2L), new("pred_sum", 2.5)], From));

        var window = Assert.Single(await CreateSource().ReadAsync("m", Model(database), From, From.AddHours(1), Token));

        Assert.False(window.HasPredictionSquareSum);
        Assert.Equal(2.5, Assert.Single(window.Rows).PredictionSum);
    }

    [Fact]
    public async Task Read_LabelsAboveImpressions_ThrowsNamingWindow()
    {
        var database = await WriteAsync(
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "a"), new("bucket", "0")], [new("impressions", 10L), new("labels", 20L), new("pred_sum", 1.0)], From));

        var error = await Assert.ThrowsAsync<CalibrationSourceException>(() => CreateSource().ReadAsync("m", Model(database), From, From.AddHours(1), Token));

        Assert.Contains("Reading calibration model 'm'", error.Message);
        Assert.Contains("the window starting 2026-03-01T00:00:00.0000000+00:00 has invalid aggregates: Row 0 has labels = 20 above impressions = 10.", error.Message);
    }

    [Fact]
    public async Task Read_BucketNotANumber_ThrowsNamingTag()
    {
        var database = await WriteAsync(
            InfluxLineProtocol.FormatPoint("cal", [new("model", "v1"), new("site", "a"), new("bucket", "high")], [new("impressions", 10L), new("labels", 1L), new("pred_sum", 1.0)], From));

        var error = await Assert.ThrowsAsync<CalibrationSourceException>(() => CreateSource().ReadAsync("m", Model(database), From, From.AddHours(1), Token));

        Assert.Contains("tag 'bucket' has value 'high'; expected a bucket index", error.Message);
    }
}
