using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Replay;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

[Collection(HostCollection.Name)]
public sealed class ReplayTests
{
    private static readonly DateTimeOffset Anomaly = ServerFactory.Start.AddMinutes(-10);

    private static ServerFactory CreateFactory()
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start, Anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        return factory;
    }

    [Fact]
    public async Task Replay_Range_QueuesEveryWindowOnce()
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ct = TestContext.Current.CancellationToken;
        var from = Anomaly.AddMinutes(-2).AddSeconds(30);
        var to = Anomaly.AddMinutes(3);

        using var response = await client.PostAsync($"/api/v1/kpis/failure-rate/replay?from={Q(from)}&to={Q(to)}", null, ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<ReplaySummary>(ct);
        Assert.Equal(new ReplaySummary("failure-rate", Anomaly.AddMinutes(-2), to, 5, 0, 5), summary);
    }

    [Fact]
    public async Task Replay_Run_StoresIncidentAndKeepsExisting()
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ct = TestContext.Current.CancellationToken;
        var from = Anomaly.AddMinutes(-2);
        var to = Anomaly.AddMinutes(1);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
            var run = await replay.RunAsync(TestKpis.Name, from, to, factory.Clock.GetUtcNow(), ct);
            Assert.Equal(new ReplaySummary("failure-rate", from, to, 3, 0, 3), run.Summary);
            Assert.Equal(0, run.Failed);
            Assert.Equal([from, from.AddMinutes(1), Anomaly], run.Windows.Select(w => w.WindowStart));
            Assert.Equal(["ok", "ok", "anomalous"], run.Windows.Select(w => w.Status));
            Assert.Equal("region=eu", run.Windows[2].RootCause);
            Assert.NotNull(run.Windows[2].IncidentId);
        }

        var incident = await factory.QueryAsync(db => db.Incidents.SingleAsync(ct));
        Assert.Equal(Anomaly.UtcDateTime, incident.WindowStart);
        Assert.Equal("replay", incident.Trigger);
        Assert.Equal(3, await factory.QueryAsync(db => db.Checks.CountAsync(c => c.Trigger == "replay", ct)));

        using var again = await client.PostAsync($"/api/v1/kpis/failure-rate/replay?from={Q(from)}&to={Q(to)}", null, ct);
        var second = await again.Content.ReadFromJsonAsync<ReplaySummary>(ct);
        Assert.Equal(new ReplaySummary("failure-rate", from, to, 3, 3, 0), second);
        Assert.Equal(1, await factory.QueryAsync(db => db.Incidents.CountAsync(ct)));
    }

    [Theory]
    [InlineData(0, -5, "'to' (")]
    [InlineData(-3000, 0, "The range covers 3000 windows")]
    [InlineData(0, 60, "must not be later than now")]
    public async Task Replay_BadRange_Returns400(int fromMinutes, int toMinutes, string detail)
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ct = TestContext.Current.CancellationToken;
        var from = ServerFactory.Start.AddMinutes(fromMinutes);
        var to = ServerFactory.Start.AddMinutes(toMinutes);

        using var response = await client.PostAsync($"/api/v1/kpis/failure-rate/replay?from={Q(from)}&to={Q(to)}", null, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(ct);
        Assert.Equal("Invalid replay range", problem!.Title);
        Assert.Contains(detail, problem.Detail);
    }

    [Fact]
    public async Task Replay_MissingTo_Returns400()
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ct = TestContext.Current.CancellationToken;

        using var response = await client.PostAsync($"/api/v1/kpis/failure-rate/replay?from={Q(Anomaly)}", null, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(ct);
        Assert.Equal("Invalid replay range", problem!.Title);
    }

    [Fact]
    public async Task Replay_UnknownKpi_Returns404()
    {
        using var factory = CreateFactory();
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ct = TestContext.Current.CancellationToken;

        using var response = await client.PostAsync($"/api/v1/kpis/nope/replay?from={Q(Anomaly)}&to={Q(Anomaly.AddMinutes(1))}", null, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(ct);
        Assert.Equal("KPI not found", problem!.Title);
        Assert.Equal("KPI 'nope' is not defined.", problem.Detail);
    }

    private static string Q(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O"));
}
