using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.MultiServer;

/// <summary>
/// Two server processes on one PostgreSQL database share the recurring KPI checks: every window
/// is stored once with at most one incident, and both servers run checks.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SharedChecksTests(InfluxDbFixture influx, PostgresFixture postgres, SharedChecksRun run) : IClassFixture<SharedChecksRun>
{
    [Fact]
    public async Task TwoServers_CheckEachWindowOnce()
    {
        var result = await run.GetAsync(influx, postgres, TestContext.Current.CancellationToken);

        Assert.True(result.Checks.Count >= SharedChecksRun.MinChecks, result.Logs);
        Assert.All(result.Checks, c => Assert.True(
            c is { Status: CheckStatus.Ok or CheckStatus.Anomalous, Attempts: 1 },
            $"{c.KpiName} {c.WindowStart:O}: {c.Status} after {c.Attempts} attempts on {c.Server}: {c.Error}"));
        Assert.Equal(SharedChecksRun.KpiCount, result.Checks.Select(c => c.KpiName).Distinct().Count());
        foreach (var kpi in result.Checks.GroupBy(c => c.KpiName))
        {
            // One row per window, and no window skipped between the first and the last check.
            var windows = kpi.Select(c => c.WindowStart).ToList();
            var expected = Enumerable.Range(0, windows.Count).Select(i => windows[0] + (SharedChecksRun.Interval * i));
            Assert.Equal(expected, windows);
        }

        var anomalous = result.Checks.Where(c => c.Status == CheckStatus.Anomalous).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{result.Checks.Count} checks, {anomalous.Count} anomalous, {result.Incidents.Count} incidents");
        Assert.NotEmpty(anomalous);
        Assert.Equal(anomalous.Count, result.Incidents.Count);
        Assert.Equal(
            anomalous.Select(c => (c.KpiName, c.WindowStart, c.IncidentId)),
            result.Incidents.Select(i => (i.KpiName, i.WindowStart, (long?)i.Id)));
    }

    [Fact]
    public async Task TwoServers_BothRunChecks()
    {
        var result = await run.GetAsync(influx, postgres, TestContext.Current.CancellationToken);

        var byServer = result.Checks.GroupBy(c => c.Server ?? "(none)").ToDictionary(g => g.Key, g => g.Count());

        var concurrent = result.Logs.Split('\n').Count(line => line.Contains("was stored by another run first", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"checks per server: {string.Join(", ", byServer.OrderBy(p => p.Key))}; windows computed twice and stored once: {concurrent}");
        Assert.Equal(["alpha", "beta"], byServer.Keys.Order());
        Assert.All(byServer.Values, count => Assert.True(count >= 5, $"checks per server: {string.Join(", ", byServer)}"));
    }
}
