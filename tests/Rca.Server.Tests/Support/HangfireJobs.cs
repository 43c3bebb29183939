using Hangfire;

namespace Rca.Server.Tests.Support;

/// <summary>Polls Hangfire job states, since jobs run on the server's worker threads.</summary>
internal static class HangfireJobs
{
    /// <summary>Waits until the job's latest state is <paramref name="state"/> and returns that state's reason.</summary>
    /// <exception cref="TimeoutException">The job did not reach the state within <paramref name="timeout"/>.</exception>
    public static async Task<string?> WaitForStateAsync(JobStorage storage, string jobId, string state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? current = null;
        while (DateTime.UtcNow < deadline)
        {
            var latest = storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault();
            current = latest?.StateName;
            if (current == state)
            {
                return latest!.Reason;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"Job {jobId} did not reach state {state} within {timeout.TotalSeconds} s; its state is {current ?? "unknown"}.");
    }
}
