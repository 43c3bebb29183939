using System.Net.Http.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Jobs;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

[Collection(HostCollection.Name)]
public sealed class SourceFailureTests
{
    private static readonly DateTimeOffset Window = ServerFactory.Start.AddMinutes(-15);

    [Fact]
    public async Task Check_SourceDown_RecordsFailureAndDegradesHealth()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start);
        factory.Source.Failure = new HttpRequestException("Connection refused (127.0.0.1:8086)");
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<KpiCheckFailedException>(() => factory.RunWindowAsync(TestKpis.Name, Window, ct));

        Assert.Contains("Connection refused (127.0.0.1:8086)", error.Message);
        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal("failed", check.Status);
        Assert.Equal("Connection refused (127.0.0.1:8086)", check.Error);
        Assert.Equal(1, check.Attempts);

        var health = await client.GetFromJsonAsync<HealthReport>("/healthz", ct);
        Assert.Equal("degraded", health!.Status);
        var source = Assert.Single(health.Sources);
        Assert.Equal("influxql:default/test", source.Source);
        Assert.Equal(["failure-rate"], source.Kpis);
        Assert.Equal("Connection refused (127.0.0.1:8086)", source.LastError);

        factory.Source.Failure = null;
        await factory.RunWindowAsync(TestKpis.Name, Window, ct);

        check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal("ok", check.Status);
        Assert.Null(check.Error);
        Assert.Equal(2, check.Attempts);
        health = await client.GetFromJsonAsync<HealthReport>("/healthz", ct);
        Assert.Equal("ok", health!.Status);
        Assert.Empty(health.Sources);
    }

    [Fact]
    public async Task Job_SourceDown_IsRetriedByHangfire()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson, hangfireServer: true);
        factory.Source.Failure = new HttpRequestException("Connection refused");
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var jobs = factory.Services.GetRequiredService<IBackgroundJobClient>();
        var id = jobs.Enqueue<KpiCheckJob>(job => job.RunWindowAsync(TestKpis.Name, Window, CheckTrigger.Replay, CancellationToken.None));

        var storage = factory.Services.GetRequiredService<JobStorage>();
        string? state = null;
        string? reason = null;
        for (var i = 0; i < 100 && state != "Scheduled"; i++)
        {
            await Task.Delay(100, ct);
            var details = storage.GetMonitoringApi().JobDetails(id);
            state = details?.History.FirstOrDefault()?.StateName;
            reason = details?.History.FirstOrDefault()?.Reason;
        }

        Assert.Equal("Scheduled", state);
        Assert.StartsWith("Retry attempt 1 of 3", reason);
        var check = await factory.QueryAsync(db => db.Checks.SingleAsync(ct));
        Assert.Equal("failed", check.Status);
        Assert.Equal("replay", check.Trigger);
    }
}
