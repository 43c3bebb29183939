using Rca.Contracts.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Tests.Calibration;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Ui;

/// <summary>The calibration pages' service over checks stored in the real store.</summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationUiServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] States = ["ok", "drifting", "drifted", "immature"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trend_ListsRatioAndFieldRce()
    {
        using var factory = await CreateAsync();
        await using var scope = new UiScope(factory.Services);
        var calibration = scope.Get<ICalibrationQueries>();

        var trend = (await calibration.ListTrendAsync("ctr", 3, Token)).Value!;

        // The newest three windows come oldest first. The immature one is listed but not judged.
        Assert.Equal([Start.AddHours(1), Start.AddHours(2), Start.AddHours(3)], trend.Select(p => p.WindowStart));
        Assert.Equal(["drifting", "drifted", "immature"], trend.Select(p => p.Verdict));
        Assert.Equal([true, true, false], trend.Select(p => p.Mature));
        Assert.Equal([31 / 30.0, 32 / 30.0, 33 / 30.0], trend.Select(p => p.CalibrationRatio!.Value));
        Assert.Equal(new MetricBandDto(0.95, 1.05, true), trend[0].RatioBand);
        Assert.Equal(["site", "device"], trend[1].Fields.Select(f => f.Field));
        Assert.Equal([0.02, 0.04], trend[1].Fields.Select(f => f.FieldRce));
        Assert.True(trend[1].Fields[0].OutOfBand);
    }

    [Fact]
    public async Task Check_HasReliabilityAndSegments()
    {
        using var factory = await CreateAsync();
        await using var scope = new UiScope(factory.Services);
        var calibration = scope.Get<ICalibrationQueries>();

        var models = await calibration.ListModelsAsync(Token);
        var latest = models.Single().LatestCheck!;
        var check = (await calibration.GetCheckAsync(latest.Id, Token)).Value!;
        var missing = await calibration.GetCheckAsync(987654, Token);
        var unknownModel = await calibration.ListTrendAsync("cvr", 10, Token);
        var badLimit = await calibration.ListTrendAsync("ctr", 0, Token);

        Assert.Equal("drifted", latest.Verdict);
        Assert.Equal(Start.AddHours(2), latest.WindowStart);
        Assert.Equal([new ReliabilityPointDto(0, 600, 0.02, 0.018), new ReliabilityPointDto(1, 400, 0.1, 0.08)], check.Reliability);
        var segment = Assert.Single(check.Segments);
        Assert.Equal("site=b", segment.Segment);
        Assert.Equal(13 / 10.0, segment.CalibrationRatio!.Value, 9);
        Assert.Equal(-5.2, segment.Z);
        Assert.Equal("No calibration check has id 987654.", missing.Error);
        Assert.Equal("No calibration model is named 'cvr'. Configure it under Calibration:Models:cvr.", unknownModel.Error);
        Assert.Equal("'limit' must be between 1 and 500, got 0.", badLimit.Error);
    }

    private static async Task<CalibrationFactory> CreateAsync()
    {
        var factory = new CalibrationFactory(new Dictionary<string, string?>
        {
            ["Calibration:Models:ctr:Measurement"] = "ctr_calibration",
            ["Calibration:Models:ctr:Model"] = "v1",
            ["Calibration:Models:ctr:Fields:0"] = "site",
            ["Calibration:Models:ctr:Fields:1"] = "device",
            ["Calibration:Models:ctr:BucketTag"] = "bucket",
            ["Calibration:Models:ctr:Database"] = "ads",
        });
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
                    LabelCompletion = States[i] == "immature" ? null : 1,
                    ReliabilityJson = "[{\"bucket\":0,\"impressions\":600,\"meanPrediction\":0.02,\"observedRate\":0.018},{\"bucket\":1,\"impressions\":400,\"meanPrediction\":0.1,\"observedRate\":0.08}]",
                    SegmentSummary = States[i] == "drifted" ? "site=b" : "",
                    CheckedAt = Start.AddHours(i + 2).UtcDateTime,
                };

                // Stored out of order, so the trend must follow Position, not insertion.
                check.Fields.Add(new CalibrationFieldRecord { Position = 1, Field = "device", FieldEce = 0.001, FieldRce = 0.02 * i, BandLower = 0, BandUpper = 0.05, BandLearned = true });
                check.Fields.Add(new CalibrationFieldRecord { Position = 0, Field = "site", FieldEce = 0.002, FieldRce = 0.01 * i, BandLower = 0, BandUpper = 0.015, BandLearned = true, OutOfBand = i >= 2 });
                if (States[i] == "drifted")
                {
                    check.Segments.Add(new CalibrationSegmentRecord { Position = 0, Segment = "site=b", Layer = 1, Impressions = 400, Labels = 10, PredictionSum = 13, Z = -5.2, RelativeError = 3 / 13.0 });
                }

                db.CalibrationChecks.Add(check);
            }

            return await db.SaveChangesAsync(Token);
        });
        return factory;
    }
}
