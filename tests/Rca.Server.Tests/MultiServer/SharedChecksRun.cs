using Microsoft.EntityFrameworkCore;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Server.Tests.MultiServer;

/// <summary>
/// One run of two servers on four KPIs checked every 2 s, shared by the tests of
/// <see cref="SharedChecksTests"/>: the servers run until the store contains
/// <see cref="MinChecks"/> checks, then both are killed and the stored checks and incidents are kept.
/// </summary>
public sealed class SharedChecksRun : IAsyncDisposable
{
    public const int KpiCount = 4;

    public const int MinChecks = 40;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _running = new(1, 1);
    private Result? _result;

    /// <summary>The stored rows after the run, and the servers' output for failure messages.</summary>
    internal sealed record Result(IReadOnlyList<CheckRecord> Checks, IReadOnlyList<IncidentRecord> Incidents, string Logs);

    internal async Task<Result> GetAsync(InfluxDbFixture influx, PostgresFixture postgres, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return _result ??= await RunAsync(influx, postgres, cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _running.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<Result> RunAsync(InfluxDbFixture influx, PostgresFixture postgres, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var from = Align(now) - (Interval * 20);
        var to = Align(now) + TimeSpan.FromSeconds(120);
        await using var pair = await ServerPair.StartAsync(
            influx,
            postgres,
            database => Enumerable.Range(0, KpiCount).Select(k => LiveKpis.Definition($"live-{k}", database, $"live{k}", Interval)),
            async database =>
            {
                using var http = new HttpClient();
                var writer = new Rca.Server.Sources.InfluxWriteClient(http, influx.Server.Connection());
                for (var k = 0; k < KpiCount; k++)
                {
                    await writer.WriteAsync(database, LiveKpis.Lines($"live{k}", from, to, Interval, regions: 4, hosts: 4, paths: 3, seed: k), cancellationToken);
                }
            },
            prepareStore: null,
            cancellationToken);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        await using (var db = pair.CreateDbContext())
        {
            while (await db.Checks.CountAsync(cancellationToken) < MinChecks)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException(
                        $"The two servers stored {await db.Checks.CountAsync(cancellationToken)} checks in 45 s, expected {MinChecks}.\n{pair.Logs()}");
                }

                await Task.Delay(250, cancellationToken);
            }
        }

        foreach (var server in pair.Servers)
        {
            await server.KillAsync();
        }

        await using var store = pair.CreateDbContext();
        return new Result(
            await store.Checks.AsNoTracking().OrderBy(c => c.KpiName).ThenBy(c => c.WindowStart).ToListAsync(cancellationToken),
            await store.Incidents.AsNoTracking().OrderBy(i => i.KpiName).ThenBy(i => i.WindowStart).ToListAsync(cancellationToken),
            pair.Logs());
    }

    private static DateTimeOffset Align(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds() / (long)Interval.TotalSeconds * (long)Interval.TotalSeconds);
}
