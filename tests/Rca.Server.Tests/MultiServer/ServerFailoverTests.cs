using Hangfire;
using Microsoft.EntityFrameworkCore;
using Rca.Server.Jobs;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.MultiServer;

/// <summary>
/// A server killed in the middle of a check: the other server runs the same Hangfire job again
/// once the invisibility timeout has passed, and completes the windows the dead one left.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ServerFailoverTests(InfluxDbFixture influx, PostgresFixture postgres)
{
    private const string Kpi = "backlog";

    // The check catches up this many windows, one at a time, so it runs long enough to be interrupted.
    private const int Backlog = 150;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task KilledMidCheck_OtherServerCompletesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var latest = WindowClock.LatestCompleteWindow(DateTimeOffset.UtcNow, Interval, TimeSpan.Zero);
        var lastDone = latest - (Interval * Backlog);
        await using var pair = await ServerPair.StartAsync(
            influx,
            postgres,
            // A schedule that never fires in a test run: the test triggers the job itself.
            database => [LiveKpis.Definition(Kpi, database, "backlog", Interval, schedule: "0 0 29 2 *")],
            async database =>
            {
                using var http = new HttpClient();
                var lines = LiveKpis.Lines("backlog", lastDone - (Interval * 20), latest + TimeSpan.FromMinutes(2), Interval, regions: 8, hosts: 10, paths: 5, seed: 7);
                await new Rca.Server.Sources.InfluxWriteClient(http, influx.Server.Connection()).WriteAsync(database, lines, ct);
            },
            // The last window checked before the servers start: the job catches up every window after it.
            async db =>
            {
                db.Checks.Add(new CheckRecord
                {
                    KpiName = Kpi, WindowStart = lastDone.UtcDateTime, Status = CheckStatus.Ok, Trigger = CheckTrigger.Schedule,
                    Attempts = 1, Server = "earlier", CheckedAt = lastDone.UtcDateTime,
                });
                await db.SaveChangesAsync(ct);
            },
            ct);
        var storage = pair.CreateJobStorage();
        var jobId = new RecurringJobManager(storage).TriggerJob(KpiCheckJob.RecurringJobId(Kpi));
        Assert.False(string.IsNullOrEmpty(jobId), "The recurring job of the KPI was not found.");

        // Wait until the job runs on one server and that server has stored some of the windows, then kill it.
        ServerProcess? victim = null;
        var storedByVictim = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (victim is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} did not make progress on a server within 40 s.\n{pair.Logs()}");
            var state = storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault();
            Assert.False(state?.StateName == "Succeeded", $"Job {jobId} finished before a server could be killed; make the backlog longer.\n{pair.Logs()}");
            if (state?.StateName == "Processing" && ServerOf(pair, state.Data["ServerId"]) is { } running)
            {
                await using var db = pair.CreateDbContext();
                storedByVictim = await db.Checks.CountAsync(c => c.KpiName == Kpi && c.Server == running.Name, ct);
                if (storedByVictim > 0)
                {
                    await running.KillAsync();
                    victim = running;
                    continue;
                }
            }

            await Task.Delay(50, ct);
        }

        var killedAt = DateTime.UtcNow;
        var survivor = pair.Servers.Single(s => s != victim);
        await HangfireJobs.WaitForStateAsync(storage, jobId, "Succeeded", TimeSpan.FromSeconds(60), ct);

        var history = storage.GetMonitoringApi().JobDetails(jobId)!.History.AsEnumerable().Reverse().ToList();
        var runs = history.Where(h => h.StateName == "Processing").Select(h => ServerOf(pair, h.Data["ServerId"])?.Name).ToList();
        Assert.Equal([victim.Name, survivor.Name], runs);
        await using var store = pair.CreateDbContext();
        var checks = await store.Checks.AsNoTracking().Where(c => c.KpiName == Kpi && c.WindowStart > lastDone.UtcDateTime)
            .OrderBy(c => c.WindowStart).ToListAsync(ct);
        var windows = checks.Select(c => new DateTimeOffset(c.WindowStart)).ToList();
        Assert.Equal(Enumerable.Range(1, windows.Count).Select(i => lastDone + (Interval * i)), windows);
        Assert.True(windows[^1] >= latest, $"the last checked window {windows[^1]:O} is before {latest:O}");
        Assert.All(checks, c => Assert.True(c is { Status: CheckStatus.Ok or CheckStatus.Anomalous, Attempts: 1 }, $"{c.WindowStart:O}: {c.Status}, {c.Attempts} attempts"));

        // The dead server's windows come first, the survivor completed the rest.
        var servers = checks.Select(c => c.Server).ToList();
        var handOver = servers.IndexOf(survivor.Name);
        var resumed = history.Last(h => h.StateName == "Processing").CreatedAt;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{victim.Name} stored {handOver} of {checks.Count} windows and was killed; {survivor.Name} ran the job again "
            + $"{(resumed - killedAt).TotalSeconds:0.0} s later and stored {checks.Count - handOver}.");
        Assert.True(handOver >= storedByVictim, $"servers by window: {string.Join(",", servers)}");
        Assert.All(servers[..handOver], s => Assert.Equal(victim.Name, s));
        Assert.All(servers[handOver..], s => Assert.Equal(survivor.Name, s));
    }

    // Hangfire's server id is the lower-case server name, the process id and a GUID, joined by ':'.
    private static ServerProcess? ServerOf(ServerPair pair, string serverId) =>
        pair.Servers.FirstOrDefault(s => serverId.StartsWith(s.Name + ":", StringComparison.Ordinal));
}
