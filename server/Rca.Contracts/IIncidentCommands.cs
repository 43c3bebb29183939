namespace Rca.Contracts;

/// <summary>
/// Changes stored incidents in process, with the same rules as the REST API's acknowledge,
/// resolve, reopen and feedback endpoints.
/// </summary>
public interface IIncidentCommands
{
    /// <summary>Whether the dashboard may change incidents (status and feedback); when false, every change is rejected.</summary>
    bool CanChangeIncidents { get; }

    /// <summary>Moves an incident to <paramref name="targetStatus"/> and records who did it.</summary>
    /// <param name="id">The incident id.</param>
    /// <param name="targetStatus"><c>acknowledged</c>, <c>resolved</c> or <c>open</c>.</param>
    /// <param name="comment">A comment kept with the change, or null.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The changed incident, or the reason the change was rejected.</returns>
    Task<OperationResult<IncidentSummary>> ChangeStatusAsync(long id, string targetStatus, string? comment, CancellationToken cancellationToken);

    /// <summary>Stores feedback on an incident's localization, replacing earlier feedback.</summary>
    /// <param name="id">The incident id.</param>
    /// <param name="feedback">The verdict, and optionally the right root cause and a comment.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The stored feedback, or the reason it was rejected (for example, an unknown verdict).</returns>
    Task<OperationResult<IncidentFeedbackDto>> SubmitFeedbackAsync(long id, FeedbackRequest feedback, CancellationToken cancellationToken);
}
