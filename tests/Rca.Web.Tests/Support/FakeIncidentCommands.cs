using Rca.Contracts;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Records status changes and applies them to the incidents of a <see cref="FakeIncidentQueries"/>.
/// </summary>
internal sealed class FakeIncidentCommands(FakeIncidentQueries queries) : IIncidentCommands
{
    public bool CanChangeIncidents { get; set; } = true;

    public List<(long Id, string Target)> Changes { get; } = [];

    public Task<OperationResult<IncidentSummary>> ChangeStatusAsync(long id, string targetStatus, string? comment, CancellationToken cancellationToken)
    {
        Changes.Add((id, targetStatus));
        if (!queries.Details.TryGetValue(id, out var detail))
        {
            return Task.FromResult(OperationResult<IncidentSummary>.Failure($"No incident has id {id}."));
        }

        var changed = detail.Summary with { Status = targetStatus };
        IncidentStatusChangeDto change = new(detail.Summary.Status, targetStatus, "dashboard", comment, Incidents.Window.AddMinutes(30));
        queries.Details[id] = detail with { Summary = changed, History = [.. detail.History, change] };
        return Task.FromResult(OperationResult<IncidentSummary>.Success(changed));
    }

    public List<(long Id, FeedbackRequest Feedback)> Feedback { get; } = [];

    public Task<OperationResult<IncidentFeedbackDto>> SubmitFeedbackAsync(long id, FeedbackRequest feedback, CancellationToken cancellationToken)
    {
        Feedback.Add((id, feedback));
        return Task.FromResult(feedback.Verdict is "correct" or "partly" or "wrong"
            ? OperationResult<IncidentFeedbackDto>.Success(new IncidentFeedbackDto(feedback.Verdict, feedback.RootCause, feedback.Comment, "dashboard", Incidents.Window.AddMinutes(40)))
            : OperationResult<IncidentFeedbackDto>.Failure($"verdict: must be one of correct, partly, wrong, got '{feedback.Verdict}'."));
    }
}
