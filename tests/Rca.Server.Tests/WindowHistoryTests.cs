using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Jobs;
using Rca.Server.Replay;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

/// <summary>The history cache of scheduled checks: what it queries and that results match a full read.</summary>
[Collection(HostCollection.Name)]
public sealed class WindowHistoryTests
{
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);

    [Fact]
    public async Task Scheduled_SecondCheck_QueriesOnlyNewWindow()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        factory.Clock.Now = Anomaly.AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, ct);

        factory.Clock.Now = Anomaly.AddMinutes(1).AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, ct);

        // The first check reads the 4 history windows and the window per leaf, and the 10
        // baseline windows before them as totals. The second reads only its own window.
        Assert.Equal(3, factory.Source.Queries.Count);
        Assert.Equal((Anomaly.AddMinutes(-5), Anomaly), factory.Source.Queries[0]);
        Assert.Equal((Anomaly.AddMinutes(-15), Anomaly.AddMinutes(-5)), factory.Source.Queries[1]);
        Assert.Equal((Anomaly, Anomaly.AddMinutes(1)), factory.Source.Queries[2]);
        Assert.Equal(5, factory.Services.GetRequiredService<KpiWindowHistory>().CachedWindowCount(TestKpis.Name));
    }

    [Fact]
    public async Task Scheduled_WarmChecks_MatchReplay()
    {
        var ct = TestContext.Current.CancellationToken;
        using var warm = CreateFactory();
        warm.Clock.Now = Anomaly.AddMinutes(-5).AddSeconds(5);
        await warm.RunScheduledAsync(TestKpis.Name, ct);
        for (var minute = -4; minute <= 5; minute++)
        {
            warm.Clock.Now = Anomaly.AddMinutes(minute).AddSeconds(5);
            await warm.RunScheduledAsync(TestKpis.Name, ct);
        }

        using var cold = CreateFactory();
        await using (var scope = cold.Services.CreateAsyncScope())
        {
            var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
            await replay.RunAsync(TestKpis.Name, Anomaly.AddMinutes(-6), Anomaly.AddMinutes(5), cold.Clock.GetUtcNow(), ct);
        }

        Assert.Equal(12, warm.Source.Queries.Count);
        Assert.All(warm.Source.Queries.Skip(2), query => Assert.Equal(TimeSpan.FromMinutes(1), query.To - query.From));
        var warmChecks = await warm.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).Select(c => new { c.WindowStart, c.Status, c.Actual, c.Forecast, c.LeafCount }).ToListAsync(ct));
        var coldChecks = await cold.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).Select(c => new { c.WindowStart, c.Status, c.Actual, c.Forecast, c.LeafCount }).ToListAsync(ct));
        Assert.Equal(11, warmChecks.Count);
        Assert.Equal(coldChecks, warmChecks);
        Assert.Single(warmChecks, check => check.Status == "anomalous");
        Assert.Equal(Anomaly.UtcDateTime, warmChecks.Single(check => check.Status == "anomalous").WindowStart);
        var warmTable = Assert.Single(warm.Localizer.Tables);
        var coldTable = Assert.Single(cold.Localizer.Tables);
        Assert.Equal(coldTable.LeafCount, warmTable.LeafCount);
        Assert.Equal(coldTable.Totals(), warmTable.Totals());
    }

    [Fact]
    public async Task Replay_DoesNotUseHistory()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        factory.Clock.Now = Anomaly.AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, ct);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
            await replay.RunAsync(TestKpis.Name, Anomaly.AddMinutes(-2), Anomaly.AddMinutes(-1), factory.Clock.GetUtcNow(), ct);
        }

        Assert.Equal(4, factory.Source.Queries.Count);
        Assert.Equal((Anomaly.AddMinutes(-6), Anomaly.AddMinutes(-1)), factory.Source.Queries[^2]);
        Assert.Equal((Anomaly.AddMinutes(-16), Anomaly.AddMinutes(-6)), factory.Source.Queries[^1]);
    }

    private static ServerFactory CreateFactory()
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start, Anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        _ = factory.Services;
        return factory;
    }
}
