using Rca.Contracts;
using Rca.Contracts.Jobs;
using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class SystemPageTests : DashboardContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Page_ShowsJobsQueuesAndHealth()
    {
        System.Jobs = OperationResult<JobSystemStatus>.Success(new JobSystemStatus(
            [
                new RecurringJobStatus("calibration:ctr", "0 */5 * * * *", "default", Now.AddMinutes(-5), "Succeeded", Now, null),
                new RecurringJobStatus("kpi:checkout-errors", "0 * * * * *", "default", null, null, Now.AddMinutes(1), null),
            ],
            [new JobQueueStatus("default", 4, 1)],
            Servers: 1,
            Enqueued: 4,
            Scheduled: 2,
            Processing: 1,
            Succeeded: 120,
            Failed: 3));
        System.Readiness = new ReadinessReport("not_ready",
        [
            new ReadinessCheck("influx:default", "http://127.0.0.1:8086/", "failed", "Connection refused (127.0.0.1:8086)", 3.2),
            new ReadinessCheck("store", "sqlite", "ok", null, 1.4),
        ]);

        var cut = Render<SystemPage>();

        Assert.Equal("true", cut.Find("#system").GetAttribute("data-interactive"));
        Assert.Equal("3", cut.Find("#jobs-failed-count").TextContent);
        Assert.Equal("/hangfire/jobs/failed", cut.Find("#jobs-failed a").GetAttribute("href"));
        Assert.Equal("4", cut.Find("#jobs-enqueued").TextContent);
        Assert.Equal("1", cut.Find("#jobs-servers").TextContent);
        Assert.Equal("4", cut.Find("tr.queue[data-name='default'] td.queue-length").TextContent);
        Assert.Equal(["calibration:ctr", "kpi:checkout-errors"], cut.FindAll("td.recurring-job-id").Select(cell => cell.TextContent).ToArray());
        Assert.Equal(["2026-03-01 12:00 UTC", "2026-03-01 12:01 UTC"], cut.FindAll("td.recurring-job-next").Select(cell => cell.TextContent).ToArray());
        Assert.Equal("Succeeded", cut.Find("td.recurring-job-state").TextContent);
        Assert.Equal("not_ready", cut.Find("#readiness-status [data-readiness]").GetAttribute("data-readiness"));
        Assert.Equal("Connection refused (127.0.0.1:8086)", cut.Find("tr.readiness-check[data-name='influx:default'] td.readiness-error").TextContent);
        Assert.Equal("ok", cut.Find("tr.readiness-check[data-name='store'] [data-readiness]").GetAttribute("data-readiness"));
        Assert.Equal("/hangfire", cut.Find("#hangfire-link").GetAttribute("href"));
    }

    [Fact]
    public void JobStorageError_ShowsMessageAndHealth()
    {
        System.Jobs = OperationResult<JobSystemStatus>.Failure("The job storage could not be read: database is locked");

        var cut = Render<SystemPage>();

        Assert.Equal("The job storage could not be read: database is locked", cut.Find("#jobs-error").TextContent);
        Assert.Empty(cut.FindAll("#recurring-jobs"));
        Assert.Equal("ready", cut.Find("#readiness-status [data-readiness]").GetAttribute("data-readiness"));
    }
}
