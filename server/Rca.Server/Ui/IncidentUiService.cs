using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Contracts;
using Rca.Server.Api;
using Rca.Server.Incidents;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Ui;

/// <summary>
/// Serves the dashboard in process through the same handlers as the REST API, so filters,
/// validation and status rules are identical. Scoped per circuit for <see cref="UiAccess"/>, while
/// each call runs in its own DI scope because a circuit lives for minutes and a DbContext must not.
/// </summary>
internal sealed class IncidentUiService(IServiceScopeFactory scopes, UiAccess access) : IIncidentQueries, IIncidentCommands
{
    public bool CanChangeIncidents => access.CanChange;

    public async Task<OperationResult<Page<IncidentSummary>>> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await IncidentsApi.ListAsync(
            services.GetRequiredService<RcaDbContext>(),
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<Problems>(),
            cancellationToken,
            kpi: query.Kpi,
            status: query.Status,
            q: query.Text,
            limit: query.Limit,
            offset: query.Offset);
        return Unwrap<Page<IncidentSummary>>(result.Result);
    }

    public async Task<IReadOnlyList<KpiSummary>> ListKpisAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await KpisApi.ListAsync(services.GetRequiredService<KpiCatalog>(), services.GetRequiredService<RcaDbContext>(), cancellationToken);
        return result.Value ?? [];
    }

    public async Task<OperationResult<IncidentDetail>> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await IncidentsApi.GetAsync(
            id,
            services.GetRequiredService<RcaDbContext>(),
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<Problems>(),
            cancellationToken);
        return Unwrap<IncidentDetail>(result.Result);
    }

    public async Task<OperationResult<DrilldownResult>> DrilldownAsync(long id, IReadOnlyList<string> attributes, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await IncidentActionsApi.DrilldownAsync(
            id,
            services.GetRequiredService<RcaDbContext>(),
            services.GetRequiredService<Problems>(),
            cancellationToken,
            attributes: string.Join(',', attributes),
            limit: limit);
        return Unwrap<DrilldownResult>(result.Result);
    }

    public async Task<OperationResult<IncidentFeedbackDto>> SubmitFeedbackAsync(long id, FeedbackRequest feedback, CancellationToken cancellationToken)
    {
        if (!CanChangeIncidents)
        {
            return OperationResult<IncidentFeedbackDto>.Failure(access.ReadOnlyReason);
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await IncidentActionsApi.PutFeedbackAsync(
            id,
            feedback,
            services.GetRequiredService<RcaDbContext>(),
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<Problems>(),
            services.GetRequiredService<TimeProvider>(),
            Actor(),
            cancellationToken);

        // A validation problem lists its messages per field; the dashboard shows them on one line.
        return result.Result is ValidationProblem invalid
            ? OperationResult<IncidentFeedbackDto>.Failure(string.Join(" ", invalid.ProblemDetails.Errors.Select(field => $"{field.Key}: {string.Join(" ", field.Value)}")))
            : Unwrap<IncidentFeedbackDto>(result.Result);
    }

    public async Task<OperationResult<IncidentSummary>> ChangeStatusAsync(long id, string targetStatus, string? comment, CancellationToken cancellationToken)
    {
        if (!CanChangeIncidents)
        {
            return OperationResult<IncidentSummary>.Failure(access.ReadOnlyReason);
        }

        if (!IncidentStatus.All.Contains(targetStatus))
        {
            return OperationResult<IncidentSummary>.Failure($"'{targetStatus}' is not an incident status; expected one of {string.Join(", ", IncidentStatus.All)}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await IncidentActionsApi.ChangeStatusAsync(
            id,
            targetStatus,
            comment is null ? null : new StatusChangeRequest(comment),
            services.GetRequiredService<IncidentTransitions>(),
            services.GetRequiredService<RcaDbContext>(),
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<Problems>(),
            Actor(),
            cancellationToken);
        return Unwrap<IncidentSummary>(result.Result);
    }

    private ClaimsPrincipal Actor() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, access.Actor)], authenticationType: "Dashboard"));

    private static OperationResult<T> Unwrap<T>(IResult result)
        where T : class => result switch
    {
        Ok<T> ok when ok.Value is not null => OperationResult<T>.Success(ok.Value),
        ProblemHttpResult problem => OperationResult<T>.Failure(problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? $"HTTP {problem.StatusCode}"),
        _ => throw new InvalidOperationException($"The API handler returned an unexpected result {result.GetType().Name}."),
    };
}
