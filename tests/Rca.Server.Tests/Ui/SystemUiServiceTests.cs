using System.Net;
using System.Net.Sockets;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting;
using Rca.Contracts;
using Rca.Contracts.Jobs;
using Rca.Server.Jobs;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Ui;

/// <summary>The system page's service over Hangfire's in-memory storage, the real store and influxd.</summary>
[Collection(HostCollection.Name)]
public sealed class SystemUiServiceTests(InfluxDbFixture influx)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jobs_ListRecurringQueuesAndFailures()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: influx.Url);
        await using var scope = new UiScope(factory.Services);
        var jobs = scope.Get<IBackgroundJobClient>();

        // No Hangfire server runs, so enqueued jobs stay in their queue. The two runs are of
        // different KPIs, because a second pending run of the same KPI is not created.
        jobs.Enqueue<KpiCheckJob>(job => job.RunScheduledAsync(TestKpis.Name, CancellationToken.None));
        jobs.Enqueue<KpiCheckJob>(job => job.RunScheduledAsync("other", CancellationToken.None));

        // Created failed, not enqueued, by a client without filters, so AutomaticRetry does not turn
        // the failure into a scheduled retry.
        var withoutRetries = new BackgroundJobClient(scope.Get<JobStorage>(), new JobFilterCollection());
        withoutRetries.Create(
            Job.FromExpression<KpiCheckJob>(job => job.RunScheduledAsync("gone", CancellationToken.None)),
            new FailedState(new InvalidOperationException("No KPI is named 'gone'.")));
        var kpi = (await scope.Get<IKpiQueries>().GetAsync(TestKpis.Name, Token)).Value!;

        var status = (await scope.Get<ISystemQueries>().GetJobsAsync(Token)).Value!;

        Assert.Equal(1, status.Failed);
        Assert.Equal(2, status.Enqueued);
        Assert.Equal(0, status.Servers);
        var queue = Assert.Single(status.Queues);
        Assert.Equal("default", queue.Name);
        Assert.Equal(2, queue.Length);
        var check = Assert.Single(status.RecurringJobs, job => job.Id == KpiCheckJob.RecurringJobId(TestKpis.Name));
        Assert.Equal(kpi.Schedule, check.Cron);
        Assert.Null(check.LastRun);
        Assert.NotNull(check.NextRun);
        Assert.Null(check.Error);
        Assert.Equal(status.RecurringJobs.Select(job => job.Id).Order(StringComparer.Ordinal), status.RecurringJobs.Select(job => job.Id));
    }

    [Fact]
    public async Task Readiness_NamesFailedConnection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        listener.Stop();
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: influx.Url);
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("Influx:Connections:backup:Url", closed));
        await using var scope = new UiScope(configured.Services);

        var report = await scope.Get<ISystemQueries>().GetReadinessAsync(Token);

        Assert.Equal("not_ready", report.Status);
        Assert.Equal(["influx:default", "influx:backup", "store"], report.Checks.Select(c => c.Name));
        Assert.Equal(["ok", "failed", "ok"], report.Checks.Select(c => c.Status));
        Assert.Equal(influx.Url.ToString(), report.Checks[0].Target);
        Assert.NotNull(report.Checks[1].Error);
    }
}
