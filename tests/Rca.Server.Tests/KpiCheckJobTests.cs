using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Jobs;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

[Collection(HostCollection.Name)]
public sealed class KpiCheckJobTests
{
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);

    private static ServerFactory CreateFactory()
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start, Anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        _ = factory.Services;
        return factory;
    }

    [Fact]
    public async Task Check_AnomalousWindow_StoresOneIncident()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;

        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);

        var incident = await factory.QueryAsync(db => db.Incidents.Include(i => i.RootCauseSets).SingleAsync(ct));
        Assert.Equal(Anomaly.UtcDateTime, incident.WindowStart);
        Assert.Equal(Anomaly.AddMinutes(1).UtcDateTime, incident.WindowEnd);
        Assert.Equal("up", incident.Direction);
        Assert.Equal((2 * 40 + 6 * 7) / 800.0, incident.Actual, 12);
        Assert.Equal("region=eu", incident.RootCause);
        Assert.Equal(0.95, incident.MinGps);
        Assert.False(incident.External);
        var set = Assert.Single(incident.RootCauseSets);
        Assert.Equal("region", set.Cuboid);
        Assert.Equal(1, set.Layer);

        var table = Assert.Single(factory.Localizer.Tables);
        Assert.Equal(8, table.LeafCount);
        var (actual, forecast) = table.Totals();
        Assert.Equal(incident.Actual, actual, 12);
        Assert.Equal(incident.Forecast, forecast, 12);

        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal("anomalous", check.Status);
        Assert.Equal(incident.Id, check.IncidentId);
        Assert.Equal(8, check.LeafCount);
        Assert.True(check.TotalMilliseconds >= check.QueryMilliseconds);
    }

    [Fact]
    public async Task Check_NormalWindow_StoresNoIncident()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        var window = ServerFactory.Start.AddMinutes(-15);

        await factory.RunWindowAsync(TestKpis.Name, window, ct);

        Assert.Equal(0, await factory.QueryAsync(db => db.Incidents.CountAsync(ct)));
        Assert.Empty(factory.Localizer.Tables);
        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal("ok", check.Status);
        Assert.Equal(window.UtcDateTime, check.WindowStart);
        Assert.Null(check.IncidentId);
        Assert.Equal(0.05, check.Actual!.Value, 12);
    }

    [Fact]
    public async Task Check_WindowWithoutHistory_StoresNoForecast()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        var first = ServerFactory.Start.AddMinutes(-30);

        await factory.RunWindowAsync(TestKpis.Name, first, ct);
        await factory.RunWindowAsync(TestKpis.Name, first.AddMinutes(10), ct);

        var checks = await factory.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).ToListAsync(ct));
        Assert.Equal(2, checks.Count);
        Assert.Equal("ok", checks[0].Status);
        Assert.NotNull(checks[0].Actual);
        Assert.Null(checks[0].Forecast);
        Assert.NotNull(checks[1].Forecast);
        Assert.True(checks[1].Forecast > 0);
    }

    [Fact]
    public async Task Check_SameWindowTwice_KeepsOneResult()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;

        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);
        var queries = factory.Source.QueryCount;
        await factory.RunWindowAsync(TestKpis.Name, Anomaly, ct);

        Assert.Equal(1, await factory.QueryAsync(db => db.Incidents.CountAsync(ct)));
        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal(1, check.Attempts);
        Assert.Equal(queries, factory.Source.QueryCount);
    }

    [Fact]
    public async Task Check_WindowWithoutHistory_IsOk()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;

        await factory.RunWindowAsync(TestKpis.Name, ServerFactory.Start.AddMinutes(-30), ct);

        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal("ok", check.Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Incidents.CountAsync(ct)));
    }

    [Fact]
    public async Task Scheduled_ChecksLatestCompleteWindow()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        factory.Clock.Now = ServerFactory.Start.AddSeconds(20);

        await factory.RunScheduledAsync(TestKpis.Name, ct);

        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal(ServerFactory.Start.AddMinutes(-1).UtcDateTime, check.WindowStart);
        Assert.Equal("schedule", check.Trigger);
    }

    [Fact]
    public async Task Scheduled_CatchesUpMissedWindows()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        factory.Clock.Now = Anomaly.AddMinutes(-3).AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, ct);

        factory.Clock.Now = ServerFactory.Start.AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, ct);

        var windows = await factory.QueryAsync(db => db.Checks.OrderBy(c => c.WindowStart).Select(c => c.WindowStart).ToListAsync(ct));
        var expected = Enumerable.Range(0, 14).Select(i => Anomaly.AddMinutes(-4 + i).UtcDateTime).ToList();
        Assert.Equal(expected, windows);
        var incident = await factory.QueryAsync(db => db.Incidents.FirstAsync(i => i.WindowStart == Anomaly.UtcDateTime, ct));
        Assert.Equal("region=eu", incident.RootCause);
    }

    [Fact]
    public async Task Scheduled_CatchUpIsBounded()
    {
        using var factory = CreateFactory();
        var ct = TestContext.Current.CancellationToken;
        factory.Clock.Now = ServerFactory.Start.AddMinutes(-29).AddSeconds(5);
        await factory.RunScheduledAsync(TestKpis.Name, ct);

        factory.Clock.Now = ServerFactory.Start.AddHours(3).AddSeconds(5);
        await using var scope = factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<KpiCheckJob>();
        var catalog = scope.ServiceProvider.GetRequiredService<Rca.Server.Kpis.KpiCatalog>();
        var kpi = (await catalog.FindAsync(TestKpis.Name, ct))!;
        var pending = await job.PendingWindowsAsync(kpi, ct);

        Assert.Equal(61, pending.Count);
        Assert.Equal(ServerFactory.Start.AddHours(3).AddMinutes(-1), pending[^1]);
        Assert.Equal(ServerFactory.Start.AddHours(2).AddMinutes(-1), pending[0]);
    }
}
