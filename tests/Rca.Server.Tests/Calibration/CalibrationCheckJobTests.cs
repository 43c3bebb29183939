using System.Net.Http.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary>The calibration check job end to end: a generated stream in a real influxd, the job, the store and the API.</summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationCheckJobTests(InfluxDbFixture influx)
{
    private static readonly DateTime DriftStart = CalibrationStreams.Start.AddHours(CalibrationStreams.DriftFrom).UtcDateTime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<CalibrationFactory> CreateAsync(Dictionary<string, string?>? extra = null)
    {
        var database = await CalibrationStreams.WriteAsync(influx, CalibrationStreams.Generate(), Token);
        var settings = CalibrationStreams.Settings(influx, database);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var factory = new CalibrationFactory(settings);
        _ = factory.Services;
        return factory;
    }

    [Fact]
    public async Task Run_DriftedStream_StoresDriftedCheckWithSegment()
    {
        using var factory = await CreateAsync();
        factory.Clock.Now = CalibrationStreams.End.AddMinutes(31);

        var summary = await factory.RunAsync(CalibrationStreams.ModelName, Token);

        Assert.Equal(new CalibrationRunSummary(CalibrationStreams.WindowCount, 0, 0, 3), summary);
        var checks = await factory.QueryAsync(db => db.CalibrationChecks.Include(c => c.Segments).OrderBy(c => c.WindowStart).ToListAsync(Token));
        Assert.Equal(CalibrationStreams.WindowCount, checks.Count);
        Assert.All(checks, check => Assert.True(check.Mature));
        Assert.All(checks.Take(14), check => Assert.Equal(CalibrationStates.InsufficientHistory, check.State));
        Assert.All(checks.Skip(14).Take(6), check => Assert.Equal(CalibrationStates.Ok, check.State));
        Assert.Equal(CalibrationStates.Drifting, checks[20].State);
        Assert.All(checks.Skip(21), check => Assert.Equal(CalibrationStates.Drifted, check.State));

        var last = checks[^1];
        Assert.Equal(4, last.ConsecutiveOutOfBand);
        Assert.Equal(14, last.HistoryWindowCount);
        Assert.True(last.RatioOutOfBand);
        Assert.True(last.CalibrationRatio > last.RatioBandUpper);
        var segment = Assert.Single(last.Segments);
        Assert.Equal("site=site_1", segment.Segment);
        Assert.Equal(1, segment.Layer);
        Assert.True(segment.Z < -4, $"z = {segment.Z}");
        Assert.InRange(segment.Labels / segment.PredictionSum, 1 / 1.3 - 0.03, 1 / 1.3 + 0.03);
        Assert.Equal("site=site_1", last.SegmentSummary);

        Assert.Equal(
            checks.Skip(21).Select(c => c.WindowStart),
            factory.Notifier.Notices.Select(n => n.WindowStart));
        Assert.All(factory.Notifier.Notices, notice => Assert.Equal(["ads-oncall"], notice.Channels));
    }

    [Fact]
    public async Task Run_ThenApi_ShowsModelAndCheckDetail()
    {
        using var factory = await CreateAsync();
        factory.Clock.Now = CalibrationStreams.End.AddMinutes(31);
        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        using var client = factory.CreateClient();

        var models = await client.GetFromJsonAsync<List<CalibrationModelSummary>>("/api/v1/calibration/models", Token);
        var model = Assert.Single(models!);
        Assert.Equal(CalibrationStreams.ModelName, model.Name);
        Assert.Equal(CalibrationStreams.ModelValue, model.ModelValue);
        Assert.Equal(["site", "device"], model.Fields);
        Assert.Equal(3600, model.WindowSeconds);
        Assert.Equal(1800, model.LabelDelaySeconds);
        Assert.Equal("drifted", model.LatestCheck!.Verdict);
        Assert.Equal(CalibrationStreams.End.AddHours(-1), model.LatestCheck.WindowStart);
        Assert.Equal("site=site_1", model.LatestCheck.Segments);

        var detail = await client.GetFromJsonAsync<CalibrationCheckDetail>($"/api/v1/calibration/checks/{model.LatestCheck.Id}", Token);
        Assert.Equal(model.LatestCheck, detail!.Summary);
        Assert.Equal(1, detail.LabelCompletion);
        Assert.True(detail.RatioOutOfBand);
        Assert.True(detail.RatioBand!.Learned);
        Assert.Equal(["site", "device"], detail.Fields.Select(f => f.Field));
        Assert.True(detail.Fields[0].OutOfBand);
        Assert.True(detail.Fields[0].FieldRce > detail.Fields[0].Band!.Upper);
        Assert.Empty(detail.Reliability);
        var segment = Assert.Single(detail.Segments);
        Assert.Equal("site=site_1", segment.Segment);
        Assert.InRange(segment.CalibrationRatio!.Value, 1.25, 1.35);
        Assert.Equal(segment.Labels / segment.PredictionSum, segment.CorrectionFactor!.Value, 12);
    }

    [Fact]
    public async Task Run_ImmatureWindow_StoredButNeverAlerts()
    {
        using var factory = await CreateAsync();
        factory.Clock.Now = CalibrationStreams.End.AddMinutes(10);

        var young = await factory.RunAsync(CalibrationStreams.ModelName, Token);

        Assert.Equal(new CalibrationRunSummary(CalibrationStreams.WindowCount, 0, 0, 2), young);
        var last = await factory.QueryAsync(db => db.CalibrationChecks.OrderBy(c => c.WindowStart).LastAsync(Token));
        Assert.Equal(CalibrationStates.Immature, last.State);
        Assert.False(last.Mature);
        Assert.Null(last.LabelCompletion);
        Assert.Equal("", last.SegmentSummary);
        Assert.Equal(2, factory.Notifier.Notices.Count);
        Assert.DoesNotContain(factory.Notifier.Notices, notice => notice.WindowStart == last.WindowStart);

        factory.Clock.Now = CalibrationStreams.End.AddMinutes(40);
        var mature = await factory.RunAsync(CalibrationStreams.ModelName, Token);

        Assert.Equal(new CalibrationRunSummary(0, 1, 0, 1), mature);
        var matured = await factory.QueryAsync(db => db.CalibrationChecks.Include(c => c.Segments).SingleAsync(c => c.Id == last.Id, Token));
        Assert.Equal(CalibrationStates.Drifted, matured.State);
        Assert.True(matured.Mature);
        Assert.Equal("site=site_1", Assert.Single(matured.Segments).Segment);
        Assert.Equal(3, factory.Notifier.Notices.Count);
        Assert.Equal(CalibrationStreams.WindowCount, await factory.QueryAsync(db => db.CalibrationChecks.CountAsync(Token)));
    }

    [Fact]
    public async Task Run_Twice_KeepsStoredChecks()
    {
        using var factory = await CreateAsync();
        factory.Clock.Now = CalibrationStreams.End.AddMinutes(31);
        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var first = await factory.QueryAsync(db => db.CalibrationChecks.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.State, c.CheckedAt }).ToListAsync(Token));

        factory.Clock.Now = CalibrationStreams.End.AddMinutes(45);
        var again = await factory.RunAsync(CalibrationStreams.ModelName, Token);

        Assert.Equal(new CalibrationRunSummary(0, 0, 0, 0), again);
        var second = await factory.QueryAsync(db => db.CalibrationChecks.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.State, c.CheckedAt }).ToListAsync(Token));
        Assert.Equal(first, second);
        Assert.Equal(3, factory.Notifier.Notices.Count);
    }

    [Fact]
    public async Task Run_InfluxFailure_StoresNothingThenRecovers()
    {
        var stream = CalibrationStreams.Generate();
        var database = "calibration_missing_" + Guid.NewGuid().ToString("N");
        using var factory = new CalibrationFactory(CalibrationStreams.Settings(influx, database));
        factory.Clock.Now = CalibrationStreams.End.AddMinutes(31);

        var error = await Assert.ThrowsAsync<CalibrationSourceException>(() => factory.RunAsync(CalibrationStreams.ModelName, Token));

        Assert.Contains($"Reading calibration model '{CalibrationStreams.ModelName}' from InfluxDB at {influx.Url}", error.Message);
        Assert.Contains($"database not found: {database}", error.Message);
        Assert.Equal(0, await factory.QueryAsync(db => db.CalibrationChecks.CountAsync(Token)));
        Assert.Empty(factory.Notifier.Notices);

        await influx.Server.CreateDatabaseAsync(database, Token);
        using var http = new HttpClient();
        await new Rca.Server.Sources.InfluxWriteClient(http, influx.Server.Connection())
            .WriteAsync(database, CalibrationPoints.ToLines(stream.Windows, CalibrationStreams.Measurement, "model", CalibrationStreams.ModelValue), Token);
        var retried = await factory.RunAsync(CalibrationStreams.ModelName, Token);

        Assert.Equal(new CalibrationRunSummary(CalibrationStreams.WindowCount, 0, 0, 3), retried);
    }

    [Fact]
    public void RunScheduled_RetriesWithBackoff()
    {
        // Reads the attribute's arguments without constructing it, because its constructor needs Hangfire's global logger.
        var retry = typeof(CalibrationCheckJob).GetMethod(nameof(CalibrationCheckJob.RunScheduledAsync))!
            .GetCustomAttributesData()
            .Single(attribute => attribute.AttributeType == typeof(AutomaticRetryAttribute));
        var arguments = retry.NamedArguments.ToDictionary(argument => argument.MemberName, argument => argument.TypedValue.Value);

        Assert.Equal(3, arguments[nameof(AutomaticRetryAttribute.Attempts)]);
        var delays = (IReadOnlyCollection<System.Reflection.CustomAttributeTypedArgument>)arguments[nameof(AutomaticRetryAttribute.DelaysInSeconds)]!;
        Assert.Equal([15, 60, 300], delays.Select(delay => (int)delay.Value!));
    }

    [Fact]
    public async Task Startup_SchedulesOneJobPerEnabledModel()
    {
        var settings = CalibrationStreams.Settings(influx, "unused");
        foreach (var (key, value) in CalibrationStreams.Settings(influx, "unused"))
        {
            if (key.StartsWith($"Calibration:Models:{CalibrationStreams.ModelName}:", StringComparison.Ordinal))
            {
                settings[key.Replace($":{CalibrationStreams.ModelName}:", ":off:", StringComparison.Ordinal)] = value;
            }
        }

        settings["Calibration:Models:off:Enabled"] = "false";
        settings[$"Calibration:Models:{CalibrationStreams.ModelName}:Schedule"] = "7 * * * *";
        using var factory = new CalibrationFactory(settings);
        _ = factory.Services;

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id.StartsWith("calibration-check:", StringComparison.Ordinal));
        Assert.Equal("calibration-check:ctr", job.Id);
        Assert.Equal("7 * * * *", job.Cron);
    }
}
