namespace Rca.Contracts.Jobs;

/// <summary>
/// The length of one job queue.
/// </summary>
/// <param name="Name">The queue name.</param>
/// <param name="Length">The jobs waiting in the queue.</param>
/// <param name="Fetched">The jobs fetched by a worker and not yet finished; null when the storage does not count them.</param>
public sealed record JobQueueStatus(string Name, long Length, long? Fetched);
