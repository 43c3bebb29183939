using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rca.Server.Calibration;
using Rca.Server.Retention;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Retention;

/// <summary>The retention job on a SQLite store filled with rows of known ages, under a manual clock.</summary>
[Collection(HostCollection.Name)]
public sealed class RetentionJobTests
{
    private static readonly DateTime Now = ServerFactory.Start.UtcDateTime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_DeletesOnlyExpiredRows_InBatches()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("Retention:BatchSize", "2"));
        var ids = await SeedAsync(configured.Services);

        await using var scope = configured.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(Token);
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();

        Assert.Equal(new RetentionResult(Checks: 4, Incidents: 3, RootCauseSets: 6, CalibrationChecks: 3), result);
        Assert.Equal(
            [ids["open-old"], ids["acknowledged-old"], ids["resolved-recent"]],
            await db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Token));
        Assert.Equal(
            ["check-open-old", "check-resolved-recent-incident", "check-recent"],
            await db.Checks.OrderBy(c => c.Id).Select(c => c.KpiName).ToListAsync(Token));
        Assert.Equal(2, await db.RootCauseSets.CountAsync(Token));
        Assert.Equal(
            [Now.AddDays(-10)],
            await db.CalibrationChecks.Select(c => c.WindowStart).ToListAsync(Token));
        Assert.Equal(1, await db.Set<CalibrationFieldRecord>().CountAsync(Token));
        Assert.Equal(1, await db.Set<CalibrationSegmentRecord>().CountAsync(Token));
    }

    [Fact]
    public async Task Run_SecondRun_DeletesNothing()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        await SeedAsync(factory.Services);

        await using var scope = factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<RetentionJob>();
        await job.RunAsync(Token);
        var second = await job.RunAsync(Token);

        Assert.Equal(new RetentionResult(0, 0, 0, 0), second);
    }

    [Fact]
    public async Task Run_ClockAdvanced_DeletesNewlyExpiredRows()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        await SeedAsync(factory.Services);
        factory.Clock.Now = ServerFactory.Start.AddDays(81);

        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(Token);

        // 81 days on, the 10-day-old rows are 91 days old: the recent resolved incident and its
        // check, the recent check and the recent calibration check expire as well.
        Assert.Equal(new RetentionResult(Checks: 6, Incidents: 4, RootCauseSets: 7, CalibrationChecks: 4), result);
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();
        Assert.Equal(["open", "acknowledged"], await db.Incidents.OrderBy(i => i.Id).Select(i => i.Status).ToListAsync(Token));
        Assert.Equal(["check-open-old"], await db.Checks.Select(c => c.KpiName).ToListAsync(Token));
    }

    [Fact]
    public void Scheduler_Default_AddsDailyJob()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);

        var job = RecurringJob(factory.Services);

        Assert.NotNull(job);
        Assert.Equal("30 3 * * *", job.Cron);
        Assert.Equal("RetentionJob", job.Job.Type.Name);
    }

    [Fact]
    public void Scheduler_Configured_UsesScheduleOrRemovesJob()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var custom = factory.WithWebHostBuilder(builder => builder.UseSetting("Retention:Schedule", "15 1 * * 0"));
        Assert.Equal("15 1 * * 0", RecurringJob(custom.Services)?.Cron);

        using var disabled = factory.WithWebHostBuilder(builder => builder.UseSetting("Retention:Enabled", "false"));
        Assert.Null(RecurringJob(disabled.Services));
    }

    [Fact]
    public void Start_InvalidSettings_FailsNamingThem()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var configured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Retention:Schedule", "daily")
            .UseSetting("Retention:Checks", "-1.00:00:00")
            .UseSetting("Retention:BatchSize", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => configured.Services);

        Assert.Contains("Retention:Schedule 'daily' is not a valid cron expression", error.Message);
        Assert.Contains("Retention:Checks is -1.00:00:00; expected a positive duration", error.Message);
        Assert.Contains("Retention:BatchSize is 0; expected at least 1.", error.Message);
    }

    private static RecurringJobDto? RecurringJob(IServiceProvider services)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(job => job.Id == RetentionJob.RecurringJobId);
    }

    /// <summary>
    /// Stores incidents, checks and calibration checks whose ages straddle the default limits
    /// (checks 30 days, resolved incidents and calibration checks 90 days) and returns the incident ids by label.
    /// </summary>
    private static async Task<Dictionary<string, long>> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();
        var incidents = new Dictionary<string, IncidentRecord>
        {
            ["resolved-old-1"] = Incident("resolved", daysAgo: 100, sets: 2),
            ["resolved-old-2"] = Incident("resolved", daysAgo: 91, sets: 2),
            ["resolved-old-3"] = Incident("resolved", daysAgo: 365, sets: 2),
            ["open-old"] = Incident("open", daysAgo: 200, sets: 1),
            ["acknowledged-old"] = Incident("acknowledged", daysAgo: 120, sets: 0),
            ["resolved-recent"] = Incident("resolved", daysAgo: 10, sets: 1),
        };
        db.Incidents.AddRange(incidents.Values);
        await db.SaveChangesAsync(Token);

        db.Checks.AddRange(
            Check("check-old-1", daysAgo: 31, incident: null),
            Check("check-old-2", daysAgo: 45, incident: null),
            Check("check-old-3", daysAgo: 60, incident: null),
            Check("check-resolved-old", daysAgo: 100, incidents["resolved-old-1"].Id),
            Check("check-open-old", daysAgo: 200, incidents["open-old"].Id),
            Check("check-resolved-recent-incident", daysAgo: 31, incidents["resolved-recent"].Id),
            Check("check-recent", daysAgo: 29, incident: null));
        db.CalibrationChecks.AddRange(
            Calibration(daysAgo: 91),
            Calibration(daysAgo: 95),
            Calibration(daysAgo: 400),
            Calibration(daysAgo: 10));
        await db.SaveChangesAsync(Token);
        return incidents.ToDictionary(pair => pair.Key, pair => pair.Value.Id);
    }

    private static IncidentRecord Incident(string status, int daysAgo, int sets)
    {
        var start = Now.AddDays(-daysAgo);
        var incident = new IncidentRecord
        {
            KpiName = TestKpis.Name,
            WindowStart = start,
            WindowEnd = start.AddMinutes(1),
            Direction = "up",
            Trigger = CheckTrigger.Schedule,
            Status = status,
            RootCause = "region=eu",
            CreatedAt = start,
        };
        for (var position = 0; position < sets; position++)
        {
            incident.RootCauseSets.Add(new RootCauseSetRecord { Position = position, Combinations = "region=eu", Cuboid = "region", Layer = 1 });
        }

        return incident;
    }

    private static CheckRecord Check(string kpi, int daysAgo, long? incident) => new()
    {
        KpiName = kpi,
        WindowStart = Now.AddDays(-daysAgo),
        CheckedAt = Now.AddDays(-daysAgo),
        Status = incident is null ? CheckStatus.Ok : CheckStatus.Anomalous,
        Trigger = CheckTrigger.Schedule,
        IncidentId = incident,
    };

    private static CalibrationCheckRecord Calibration(int daysAgo)
    {
        var start = Now.AddDays(-daysAgo);
        return new CalibrationCheckRecord
        {
            ModelName = "ctr",
            WindowStart = start,
            WindowEnd = start.AddHours(1),
            State = CalibrationStates.Drifted,
            Mature = true,
            ReliabilityJson = "[]",
            SegmentSummary = "site=site_1",
            CheckedAt = start,
            Fields = [new CalibrationFieldRecord { Field = "site" }],
            Segments = [new CalibrationSegmentRecord { Segment = "site=site_1", Layer = 1 }],
        };
    }
}
