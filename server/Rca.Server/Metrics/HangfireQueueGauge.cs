using System.Diagnostics.Metrics;
using Hangfire;

namespace Rca.Server.Metrics;

/// <summary>
/// Publishes <see cref="RcaMetricNames.HangfireQueueLength"/>: the jobs enqueued across all
/// Hangfire queues, read from Hangfire's monitoring API at each scrape.
/// </summary>
/// <remarks>
/// A hosted service only so that the gauge exists from start-up. When the storage cannot be read
/// the scrape omits the gauge, and the failure is logged once until a read succeeds again.
/// </remarks>
internal sealed class HangfireQueueGauge(IMeterFactory meterFactory, JobStorage storage, ILogger<HangfireQueueGauge> logger) : IHostedService
{
    private int _failing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        meterFactory.Create(RcaMetricNames.Meter).CreateObservableGauge(
            RcaMetricNames.HangfireQueueLength,
            Observe,
            description: "Jobs enqueued across all Hangfire queues.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Observe()
    {
        long length = 0;
        try
        {
            foreach (var queue in storage.GetMonitoringApi().Queues())
            {
                length += queue.Length;
            }
        }
        catch (Exception error)
        {
            // Storages raise their own exception types (SQLite, PostgreSQL, in-memory), and a failed
            // read must not fail the whole scrape.
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                logger.LogWarning(error, "Reading the Hangfire queue length failed; {Gauge} is left out of /metrics until a read succeeds", RcaMetricNames.HangfireQueueLength);
            }

            return [];
        }

        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            logger.LogInformation("Reading the Hangfire queue length works again");
        }

        return [new Measurement<long>(length)];
    }
}
