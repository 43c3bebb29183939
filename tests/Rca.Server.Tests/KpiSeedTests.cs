using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

[Collection(HostCollection.Name)]
public sealed class KpiSeedTests
{
    [Fact]
    public void Startup_InvalidSeed_StopsWithFieldMessage()
    {
        var seed = TestKpis.SeedJson.Replace("\"history\": 4", "\"history\": 0", StringComparison.Ordinal);
        using var factory = new ServerFactory(seed);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("KPI 'failure-rate': field 'Forecast.History' must be at least 1, got 0", Flatten(error));
    }

    [Fact]
    public void Startup_UnknownSeedProperty_NamesLineAndPath()
    {
        var seed = TestKpis.SeedJson.Replace("\"measurement\"", "\"measurment\"", StringComparison.Ordinal);
        using var factory = new ServerFactory(seed);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = Flatten(error);
        Assert.Contains("is invalid (line 6", message);
        Assert.Contains("measurment", message);
    }

    [Fact]
    public async Task Startup_Seed_StoresAndSchedulesKpi()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        var kpis = await factory.QueryAsync(db => Task.FromResult(db.Kpis.Select(k => k.Name).ToList()));
        using var connection = Hangfire.JobStorage.Current.GetConnection();
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);

        Assert.Equal(["failure-rate"], kpis);
        var job = Assert.Single(jobs, j => j.Id.StartsWith("kpi-check:", StringComparison.Ordinal));
        Assert.Contains(jobs, j => j.Id == "retention");
        Assert.Equal("kpi-check:failure-rate", job.Id);
        Assert.Contains(jobs, j => j.Id == "notifications-dispatch" && j.Cron == "*/10 * * * * *");
        Assert.Equal("* * * * *", job.Cron);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        if (error is AggregateException aggregate)
        {
            messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
        }

        return string.Join(" | ", messages);
    }
}
