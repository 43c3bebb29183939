namespace Rca.Contracts;

/// <summary>
/// Changes the status of stored incidents in process, with the same rules as the REST API's
/// acknowledge, resolve and reopen endpoints.
/// </summary>
public interface IIncidentCommands
{
    /// <summary>Whether the dashboard may change incidents; when false, every change is rejected.</summary>
    bool CanChangeStatus { get; }

    /// <summary>Moves an incident to <paramref name="targetStatus"/> and records who did it.</summary>
    /// <param name="id">The incident id.</param>
    /// <param name="targetStatus"><c>acknowledged</c>, <c>resolved</c> or <c>open</c>.</param>
    /// <param name="comment">A comment kept with the change, or null.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The changed incident, or the reason the change was rejected.</returns>
    Task<OperationResult<IncidentSummary>> ChangeStatusAsync(long id, string targetStatus, string? comment, CancellationToken cancellationToken);
}
