using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;
using Hangfire.Storage;
using Rca.Server.Jobs;

namespace Rca.Server.Tests;

/// <summary>The filter that keeps at most one pending run of a KPI's recurring check.</summary>
public sealed class SkipWhilePendingTests
{
    private const string Kpi = "sales";

    [Fact]
    public void Trigger_WhileEnqueued_CreatesNoRun()
    {
        using var storage = new InMemoryStorage();
        var manager = Schedule(storage);

        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));
        var first = LastJobId(storage);
        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));

        Assert.NotNull(first);
        Assert.Equal(first, LastJobId(storage));
        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public void Trigger_WhileProcessing_CreatesNoRun()
    {
        using var storage = new InMemoryStorage();
        var manager = Schedule(storage);
        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));
        var first = LastJobId(storage)!;
        // ProcessingState has no public constructor; a worker sets this state name when it starts the job.
        using (var connection = storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetJobState(first, new StoredState(ProcessingState.StateName));
            transaction.Commit();
        }

        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));

        Assert.Equal(first, LastJobId(storage));
    }

    [Fact]
    public void Trigger_AfterSuccess_CreatesRun()
    {
        using var storage = new InMemoryStorage();
        var manager = Schedule(storage);
        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));
        var first = LastJobId(storage)!;
        new BackgroundJobClient(storage).ChangeState(first, new SucceededState(null, 0, 0));

        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));

        var second = LastJobId(storage);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        using var connection = storage.GetConnection();
        Assert.Equal(EnqueuedState.StateName, connection.GetStateData(second).Name);
    }

    [Fact]
    public void Trigger_OtherKpiPending_CreatesRun()
    {
        using var storage = new InMemoryStorage();
        var manager = Schedule(storage);
        manager.AddOrUpdate<KpiCheckJob>(
            KpiCheckJob.RecurringJobId("visits"), job => job.RunScheduledAsync("visits", CancellationToken.None), "* * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

        manager.Trigger(KpiCheckJob.RecurringJobId(Kpi));
        manager.Trigger(KpiCheckJob.RecurringJobId("visits"));

        Assert.Equal(2, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    private sealed class StoredState(string name) : IState
    {
        public string Name => name;

        public string? Reason => null;

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => [];
    }

    private static RecurringJobManager Schedule(JobStorage storage)
    {
        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate<KpiCheckJob>(
            KpiCheckJob.RecurringJobId(Kpi), job => job.RunScheduledAsync(Kpi, CancellationToken.None), "* * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return manager;
    }

    // The id of the newest job of the recurring check; Hangfire clears LastJobId when a creation is canceled.
    private static string? LastJobId(JobStorage storage)
    {
        var jobs = storage.GetMonitoringApi().EnqueuedJobs("default", 0, 100).Select(job => job.Key)
            .Concat(storage.GetMonitoringApi().SucceededJobs(0, 100).Select(job => job.Key))
            .Concat(storage.GetMonitoringApi().ProcessingJobs(0, 100).Select(job => job.Key));
        return jobs.OrderByDescending(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
    }
}
