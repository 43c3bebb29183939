using System.Net.Http.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Detectors.Data;
using Rca.Server.Jobs;
using Rca.Server.Replay;
using Rca.Server.Sources;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.CheckPath;

/// <summary>
/// The whole check path against a real influxd: the InfluxQL source, the mean forecaster, the
/// anomaly test, PSqueeze and the SQLite store, on a generated KPI with one injected drop.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class InfluxCheckPathTests(InfluxDbFixture influx)
{
    private const int Seed = 20261204;
    private static readonly DateTimeOffset First = ServerFactory.Start.AddMinutes(-24);
    private static readonly DateTimeOffset Drop = First.AddMinutes(18);

    // The checked windows: the 12 minutes whose history (8 baseline + 4 forecast windows) lies inside the data.
    private static readonly DateTimeOffset[] Checked = [.. Enumerable.Range(12, 12).Select(i => First.AddMinutes(i))];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduledChecks_FindDropCombination()
    {
        var database = await WriteKpiAsync(influx.Server);
        using var factory = new ServerFactory(GeneratedKpi.SeedJson(database), influxUrl: influx.Url);

        foreach (var window in Checked)
        {
            factory.Clock.Now = window.AddMinutes(1).AddSeconds(5);
            await factory.RunScheduledAsync(GeneratedKpi.Name, Token);
        }

        var checks = await factory.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).ToListAsync(Token));
        Assert.Equal(Checked.Select(w => w.UtcDateTime), checks.Select(c => c.WindowStart));
        Assert.All(checks.Where(c => c.WindowStart != Drop.UtcDateTime), c => Assert.Equal("ok", c.Status));
        Assert.All(checks, c => Assert.Equal(600, c.LeafCount));
        var anomalous = Assert.Single(checks, c => c.WindowStart == Drop.UtcDateTime);
        Assert.Equal("anomalous", anomalous.Status);

        var incident = await factory.QueryAsync(db => db.Incidents.Include(i => i.RootCauseSets).SingleAsync(Token));
        Assert.Equal(Drop.UtcDateTime, incident.WindowStart);
        Assert.Equal("down", incident.Direction);
        Assert.Equal(GeneratedKpi.DropRootCause, incident.RootCause);
        var set = Assert.Single(incident.RootCauseSets);
        Assert.Equal(GeneratedKpi.DropRootCause, set.Combinations);
        Assert.Equal(2, set.Layer);
        var combination = Assert.Single(AttributeCombination.ParseSet(set.Combinations));
        Assert.Equal(GeneratedKpi.DropProvince, combination["province"]);
        Assert.Equal(GeneratedKpi.DropIsp, combination["isp"]);
        Assert.Equal(anomalous.IncidentId, incident.Id);
    }

    [Fact]
    public async Task ScheduledChecks_MatchFullReplay()
    {
        var database = await WriteKpiAsync(influx.Server);
        using var warm = new ServerFactory(GeneratedKpi.SeedJson(database), influxUrl: influx.Url);
        foreach (var window in Checked)
        {
            warm.Clock.Now = window.AddMinutes(1).AddSeconds(5);
            await warm.RunScheduledAsync(GeneratedKpi.Name, Token);
        }

        using var cold = new ServerFactory(GeneratedKpi.SeedJson(database), influxUrl: influx.Url);
        await using (var scope = cold.Services.CreateAsyncScope())
        {
            var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
            var run = await replay.RunAsync(GeneratedKpi.Name, Checked[0], Checked[^1].AddMinutes(1), ServerFactory.Start.AddMinutes(1), Token);
            Assert.Equal(0, run.Failed);
        }

        var warmChecks = await warm.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).Select(c => new { c.WindowStart, c.Status, c.Actual, c.Forecast, c.LeafCount }).ToListAsync(Token));
        var coldChecks = await cold.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).Select(c => new { c.WindowStart, c.Status, c.Actual, c.Forecast, c.LeafCount }).ToListAsync(Token));
        Assert.Equal(coldChecks, warmChecks);
        var warmCause = await warm.QueryAsync(db => db.Incidents.Select(i => i.RootCause).SingleAsync(Token));
        var coldCause = await cold.QueryAsync(db => db.Incidents.Select(i => i.RootCause).SingleAsync(Token));
        Assert.Equal(GeneratedKpi.DropRootCause, warmCause);
        Assert.Equal(warmCause, coldCause);
    }

    [Fact]
    public async Task RetriedWindow_StoresOneIncident()
    {
        var database = await WriteKpiAsync(influx.Server);
        using var factory = new ServerFactory(GeneratedKpi.SeedJson(database), hangfireServer: true, influxUrl: influx.Url);
        factory.Clock.Now = Drop.AddMinutes(1).AddSeconds(5);

        await factory.RunWindowAsync(GeneratedKpi.Name, Drop, Token);
        await factory.RunWindowAsync(GeneratedKpi.Name, Drop, Token);
        await factory.RunScheduledAsync(GeneratedKpi.Name, Token);
        var jobs = factory.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = factory.Services.GetRequiredService<JobStorage>();
        var first = jobs.Enqueue<KpiCheckJob>(job => job.RunWindowAsync(GeneratedKpi.Name, Drop, CheckTrigger.Replay, CancellationToken.None));
        var second = jobs.Enqueue<KpiCheckJob>(job => job.RunWindowAsync(GeneratedKpi.Name, Drop, CheckTrigger.Replay, CancellationToken.None));
        await HangfireJobs.WaitForStateAsync(storage, first, "Succeeded", TimeSpan.FromSeconds(30), Token);
        await HangfireJobs.WaitForStateAsync(storage, second, "Succeeded", TimeSpan.FromSeconds(30), Token);

        var incident = await factory.QueryAsync(db => db.Incidents.SingleAsync(Token));
        Assert.Equal(GeneratedKpi.DropRootCause, incident.RootCause);
        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(Token));
        Assert.Equal(Drop.UtcDateTime, check.WindowStart);
        Assert.Equal("anomalous", check.Status);
        Assert.Equal(1, check.Attempts);
        Assert.Equal(incident.Id, check.IncidentId);
    }

    [Fact]
    public async Task InfluxdStopped_JobRetriesAfterRestart()
    {
        await using var server = await InfluxDbServer.StartAsync(authEnabled: false, Token);
        var database = await WriteKpiAsync(server);
        using var factory = new ServerFactory(GeneratedKpi.SeedJson(database), hangfireServer: true, influxUrl: server.Url);
        using var client = factory.CreateClient();
        var jobs = factory.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = factory.Services.GetRequiredService<JobStorage>();
        foreach (var window in Checked.Where(w => w < Drop))
        {
            factory.Clock.Now = window.AddMinutes(1).AddSeconds(5);
            await factory.RunScheduledAsync(GeneratedKpi.Name, Token);
        }

        await server.StopAsync(Token);
        factory.Clock.Now = Drop.AddMinutes(1).AddSeconds(5);
        var id = jobs.Enqueue<KpiCheckJob>(job => job.RunWindowAsync(GeneratedKpi.Name, Drop, CheckTrigger.Schedule, CancellationToken.None));
        var reason = await HangfireJobs.WaitForStateAsync(storage, id, "Scheduled", TimeSpan.FromSeconds(30), Token);

        Assert.StartsWith("Retry attempt 1 of 3", reason);
        var failed = await factory.QueryAsync(db => db.Checks.SingleAsync(c => c.WindowStart == Drop.UtcDateTime, Token));
        Assert.Equal("failed", failed.Status);
        Assert.StartsWith($"Reading KPI '{GeneratedKpi.Name}' from InfluxDB at {server.Url.ToString().TrimEnd('/')}", failed.Error);
        Assert.Contains($"(database '{database}') failed: the request failed: Connection refused", failed.Error);
        Assert.Equal(0, await factory.QueryAsync(db => db.Incidents.CountAsync(Token)));
        var health = await client.GetFromJsonAsync<HealthReport>("/healthz", Token);
        Assert.Equal("degraded", health!.Status);
        var source = Assert.Single(health.Sources);
        Assert.Equal($"influxql:default/{database}", source.Source);
        Assert.Equal([GeneratedKpi.Name], source.Kpis);
        Assert.Equal(failed.Error, source.LastError);

        await server.RestartAsync(Token);
        jobs.Requeue(id);
        await HangfireJobs.WaitForStateAsync(storage, id, "Succeeded", TimeSpan.FromSeconds(30), Token);
        foreach (var window in Checked.Where(w => w > Drop))
        {
            factory.Clock.Now = window.AddMinutes(1).AddSeconds(5);
            await factory.RunScheduledAsync(GeneratedKpi.Name, Token);
        }

        var checks = await factory.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).ToListAsync(Token));
        Assert.Equal(Checked.Select(w => w.UtcDateTime), checks.Select(c => c.WindowStart));
        Assert.All(checks.Where(c => c.WindowStart != Drop.UtcDateTime), c => Assert.Equal("ok", c.Status));
        var retried = Assert.Single(checks, c => c.WindowStart == Drop.UtcDateTime);
        Assert.Equal("anomalous", retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.Null(retried.Error);
        var incident = await factory.QueryAsync(db => db.Incidents.SingleAsync(Token));
        Assert.Equal(GeneratedKpi.DropRootCause, incident.RootCause);
        Assert.Equal(retried.IncidentId, incident.Id);
        health = await client.GetFromJsonAsync<HealthReport>("/healthz", Token);
        Assert.Equal("ok", health!.Status);
    }

    private static async Task<string> WriteKpiAsync(InfluxDbServer server)
    {
        var database = "gen_" + Guid.NewGuid().ToString("N")[..8];
        await server.CreateDatabaseAsync(database, Token);
        using var http = new HttpClient();
        await new InfluxWriteClient(http, server.Connection()).WriteAsync(database, GeneratedKpi.Lines(First, 24, Drop, Seed), Token);
        return database;
    }
}
