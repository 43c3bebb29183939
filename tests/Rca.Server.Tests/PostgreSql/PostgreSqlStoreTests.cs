using Rca.Server.Tests.Api;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Retention;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.PostgreSql;

/// <summary>
/// Store behaviours of the SQLite tests, run unchanged on a PostgreSQL database per host:
/// incident filters with text search, one check per window, retention, the notification outbox,
/// webhook intake and KPI administration.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgresFixture postgres)
{
    [Fact]
    public Task Incidents_FilterByStatusTimeAndText() => Run(() => new IncidentApiTests().List_FiltersByStatusTimeAndText());

    [Fact]
    public Task Incidents_SortAndPage() => Run(() => new IncidentApiTests().List_SortsAndPages());

    [Fact]
    public Task Incidents_DetailHasSeries() => Run(() => new IncidentApiTests().Detail_HasSeriesAroundWindow());

    [Fact]
    public Task Incidents_TransitionsAndFeedback() => Run(async () =>
    {
        await new IncidentApiTests().Transitions_FollowStateMachine();
        await new IncidentApiTests().Feedback_ValidatedAndSummarised();
    });

    [Fact]
    public Task Incidents_Drilldown() => Run(() => new IncidentApiTests().Drilldown_GroupsLeavesOfWindow());

    [Fact]
    public Task Checks_FilterByStatusAndTime() => Run(() => new IncidentApiTests().Checks_FilterByStatusAndTime());

    [Fact]
    public Task Check_AnomalousWindow_StoresOneIncident() => Run(() => new KpiCheckJobTests().Check_AnomalousWindow_StoresOneIncident());

    [Fact]
    public Task Check_SameWindowTwice_KeepsOneResult() => Run(() => new KpiCheckJobTests().Check_SameWindowTwice_KeepsOneResult());

    [Fact]
    public Task Scheduled_CatchesUpMissedWindows() => Run(() => new KpiCheckJobTests().Scheduled_CatchesUpMissedWindows());

    [Fact]
    public Task Retention_DeletesOnlyExpiredRows() => Run(() => new RetentionJobTests().Run_DeletesOnlyExpiredRows_InBatches());

    [Fact]
    public Task Retention_ClockAdvanced_DeletesNewlyExpiredRows() => Run(() => new RetentionJobTests().Run_ClockAdvanced_DeletesNewlyExpiredRows());

    [Fact]
    public Task Outbox_ResolveQueuesOneMessage() => Run(() => new NotificationTests().Resolve_QueuesOneResolvedMessage());

    [Fact]
    public Task Outbox_FailedDeliveryIsListed() => Run(() => new NotificationTests().Failed_Delivery_IsListed());

    [Fact]
    public Task Outbox_LeaseStopsSecondDispatcher() => Run(() => new NotificationTests().Lease_StopsSecondDispatcher());

    [Fact]
    public Task Webhook_ResentGroup_IsIdempotent() => Run(() => new WebhookTests().Alertmanager_ResentGroup_IsIdempotent());

    [Fact]
    public Task Kpi_CreateGetUpdateDelete() => Run(() => new KpiAdminApiTests().Kpi_CreateGetUpdateDelete());

    [Fact]
    public Task Kpis_ListWithLatestCheck() => Run(() => new ReadApiTests().Kpis_ListWithLatestCheck());

    private async Task Run(Func<Task> test)
    {
        var hosts = await ServerFactory.OnPostgreSqlAsync(ct => postgres.CreateDatabaseAsync("store", ct), test);

        Assert.True(hosts > 0, "The test created no host, so nothing ran on PostgreSQL.");
    }
}
