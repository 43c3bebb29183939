using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Rca.Contracts;
using Rca.Contracts.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary>The read endpoints over checks stored directly, so that every filter has a known result.</summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] States = ["ok", "ok", "drifting", "drifted", "immature"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(CalibrationFactory Factory, HttpClient Client)> CreateAsync()
    {
        var factory = new CalibrationFactory(new Dictionary<string, string?>
        {
            ["Calibration:Models:ctr:Measurement"] = "ctr_calibration",
            ["Calibration:Models:ctr:Model"] = "v1",
            ["Calibration:Models:ctr:Fields:0"] = "site",
            ["Calibration:Models:ctr:Database"] = "ads",
            ["Calibration:Models:idle:Measurement"] = "cvr_calibration",
            ["Calibration:Models:idle:Model"] = "v2",
            ["Calibration:Models:idle:Fields:0"] = "site",
            ["Calibration:Models:idle:Database"] = "ads",
            ["Calibration:Models:idle:LabelDelay"] = "1d",
        });
        var client = factory.CreateClient();
        await factory.QueryAsync(async db =>
        {
            for (var i = 0; i < States.Length; i++)
            {
                var check = new CalibrationCheckRecord
                {
                    ModelName = "ctr",
                    WindowStart = Start.AddHours(i).UtcDateTime,
                    WindowEnd = Start.AddHours(i + 1).UtcDateTime,
                    State = States[i],
                    Mature = States[i] != "immature",
                    Impressions = 1000,
                    Labels = 30,
                    PredictionSum = 30 + i,
                    CalibrationRatio = (30 + i) / 30.0,
                    RatioBandLower = 0.95,
                    RatioBandUpper = 1.05,
                    RatioBandLearned = true,
                    RatioOutOfBand = i >= 2,
                    LabelCompletion = States[i] == "immature" ? null : 1,
                    ReliabilityJson = "[{\"bucket\":0,\"impressions\":1000,\"meanPrediction\":0.033,\"observedRate\":0.03}]",
                    SegmentSummary = States[i] == "drifted" ? "site=b" : "",
                    CheckedAt = Start.AddHours(i + 2).UtcDateTime,
                };
                check.Fields.Add(new CalibrationFieldRecord { Position = 0, Field = "site", FieldEce = 0.001 * i, FieldRce = 0.01 * i, BandLower = 0, BandUpper = 0.015, BandLearned = true, OutOfBand = i >= 2 });
                if (States[i] == "drifted")
                {
                    check.Segments.Add(new CalibrationSegmentRecord { Position = 0, Segment = "site=b", Layer = 1, Impressions = 400, Labels = 10, PredictionSum = 13, Z = -5.2, RelativeError = 3 / 13.0 });
                }

                db.CalibrationChecks.Add(check);
            }

            return await db.SaveChangesAsync(Token);
        });
        return (factory, client);
    }

    [Fact]
    public async Task Models_ShowLatestMatureCheck()
    {
        var (factory, client) = await CreateAsync();
        using var _ = factory;
        using var __ = client;

        var models = (await client.GetFromJsonAsync<List<CalibrationModelSummary>>("/api/v1/calibration/models", Token))!;

        Assert.Equal(["ctr", "idle"], models.Select(m => m.Name));
        Assert.Equal("drifted", models[0].LatestCheck!.Verdict);
        Assert.Equal(Start.AddHours(3), models[0].LatestCheck!.WindowStart);
        Assert.Equal("site=b", models[0].LatestCheck!.Segments);
        Assert.Null(models[1].LatestCheck);
        Assert.Equal(86400, models[1].LabelDelaySeconds);
        Assert.Equal("*/5 * * * *", models[1].Schedule);
    }

    [Fact]
    public async Task Checks_PagingNewestFirst()
    {
        var (factory, client) = await CreateAsync();
        using var _ = factory;
        using var __ = client;

        var page = await client.GetFromJsonAsync<Page<CalibrationCheckSummary>>("/api/v1/calibration/models/ctr/checks?limit=2&offset=1", Token);

        Assert.Equal(5, page!.Total);
        Assert.Equal([Start.AddHours(3), Start.AddHours(2)], page.Items.Select(c => c.WindowStart));
        Assert.Equal(["drifted", "drifting"], page.Items.Select(c => c.Verdict));
        Assert.Equal(1, page.Offset);
        Assert.Equal(2, page.Limit);
    }

    [Fact]
    public async Task Checks_FilterByVerdictAndRange()
    {
        var (factory, client) = await CreateAsync();
        using var _ = factory;
        using var __ = client;

        var ok = await client.GetFromJsonAsync<Page<CalibrationCheckSummary>>("/api/v1/calibration/models/ctr/checks?verdict=ok", Token);
        var range = await client.GetFromJsonAsync<Page<CalibrationCheckSummary>>(
            "/api/v1/calibration/models/ctr/checks?from=2026-03-01T01:00:00Z&to=2026-03-01T03:00:00Z", Token);
        var immature = await client.GetFromJsonAsync<Page<CalibrationCheckSummary>>("/api/v1/calibration/models/ctr/checks?verdict=immature", Token);

        Assert.Equal([Start.AddHours(1), Start], ok!.Items.Select(c => c.WindowStart));
        Assert.Equal([Start.AddHours(2), Start.AddHours(1)], range!.Items.Select(c => c.WindowStart));
        var young = Assert.Single(immature!.Items);
        Assert.False(young.Mature);
    }

    [Fact]
    public async Task Check_Detail_HasMetricsBandsSegments()
    {
        var (factory, client) = await CreateAsync();
        using var _ = factory;
        using var __ = client;
        var drifted = await client.GetFromJsonAsync<Page<CalibrationCheckSummary>>("/api/v1/calibration/models/ctr/checks?verdict=drifted", Token);

        var detail = await client.GetFromJsonAsync<CalibrationCheckDetail>($"/api/v1/calibration/checks/{drifted!.Items[0].Id}", Token);

        Assert.Equal(33 / 30.0, detail!.Summary.CalibrationRatio!.Value, 12);
        Assert.Equal(new MetricBandDto(0.95, 1.05, true), detail.RatioBand);
        Assert.True(detail.RatioOutOfBand);
        Assert.Equal(1, detail.LabelCompletion);
        Assert.Equal([new CalibrationFieldMetrics("site", 0.003, 0.03, new MetricBandDto(0, 0.015, true), true)], detail.Fields);
        Assert.Equal([new ReliabilityPointDto(0, 1000, 0.033, 0.03)], detail.Reliability);
        var segment = Assert.Single(detail.Segments);
        Assert.Equal("site=b", segment.Segment);
        Assert.Equal(1.3, segment.CalibrationRatio!.Value, 12);
        Assert.Equal(10 / 13.0, segment.CorrectionFactor!.Value, 12);
        Assert.Equal(-5.2, segment.Z);
    }

    [Theory]
    [InlineData("/api/v1/calibration/models/ctr/checks?verdict=bad", 400, "Invalid calibration check filter", "'verdict' must be one of ok, drifting, drifted, immature, insufficient_history, got 'bad'.")]
    [InlineData("/api/v1/calibration/models/ctr/checks?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", 400, "Invalid calibration check filter", "'from' (2026-03-02T00:00:00.0000000+00:00) must be before 'to' (2026-03-01T00:00:00.0000000+00:00).")]
    [InlineData("/api/v1/calibration/models/ctr/checks?limit=0", 400, "Invalid paging parameters", "'limit' must be between 1 and 500, got 0.")]
    [InlineData("/api/v1/calibration/models/nope/checks", 404, "Calibration model not found", "No calibration model is named 'nope'. Configure it under Calibration:Models:nope.")]
    [InlineData("/api/v1/calibration/checks/999", 404, "Calibration check not found", "No calibration check has id 999.")]
    public async Task InvalidRequest_ReturnsProblem(string url, int status, string title, string detail)
    {
        var (factory, client) = await CreateAsync();
        using var _ = factory;
        using var __ = client;

        using var response = await client.GetAsync(url, Token);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Token);
        Assert.Equal(title, problem!.Title);
        Assert.Equal(detail, problem.Detail);
    }
}
