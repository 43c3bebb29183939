using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Contracts;
using Rca.Server.Api;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Sources;
using Rca.Server.Storage;

namespace Rca.Server.Ui;

/// <summary>
/// Serves the dashboard's KPI pages through the REST API's KPI handlers. The form is sent to
/// them as the JSON body an API client would send, so reading, validation, the name conflict and
/// the source error are the API's own. Scoped per circuit like <see cref="IncidentUiService"/>.
/// </summary>
internal sealed class KpiUiService(IServiceScopeFactory scopes, UiAccess access) : IKpiQueries, IKpiCommands
{
    public bool CanChangeKpis => access.CanChange;

    public async Task<OperationResult<KpiSummary>> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var all = await KpisApi.ListAsync(services.GetRequiredService<KpiCatalog>(), services.GetRequiredService<RcaDbContext>(), cancellationToken);
        var kpi = all.Value?.Find(summary => summary.Name == name);
        return kpi is null ? OperationResult<KpiSummary>.Failure($"No KPI is named '{name}'.") : OperationResult<KpiSummary>.Success(kpi);
    }

    public async Task<OperationResult<Page<KpiCheckDto>>> ListChecksAsync(string name, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await KpisApi.ListChecksAsync(
            name,
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<RcaDbContext>(),
            services.GetRequiredService<Problems>(),
            cancellationToken,
            limit: limit,
            offset: offset);
        return result.Result switch
        {
            Ok<Page<KpiCheckDto>> ok => OperationResult<Page<KpiCheckDto>>.Success(ok.Value!),
            ProblemHttpResult problem => OperationResult<Page<KpiCheckDto>>.Failure(Message(problem)),
            var other => throw Unexpected(other),
        };
    }

    public async Task<OperationResult<KpiDefinitionInput>> GetDefinitionAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await KpiAdminApi.GetAsync(name, services.GetRequiredService<KpiCatalog>(), services.GetRequiredService<Problems>(), cancellationToken);
        return result.Result switch
        {
            JsonHttpResult<KpiDefinition> json => OperationResult<KpiDefinitionInput>.Success(KpiDefinitionForm.FromDefinition(json.Value!)),
            ProblemHttpResult problem => OperationResult<KpiDefinitionInput>.Failure(Message(problem)),
            var other => throw Unexpected(other),
        };
    }

    public async Task<FormResult<KpiTestResult>> TestAsync(KpiDefinitionInput definition, CancellationToken cancellationToken)
    {
        if (!CanChangeKpis)
        {
            return FormResult<KpiTestResult>.Failure(access.ReadOnlyReason);
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await KpiAdminApi.TestAsync(
            JsonRequest(definition, services),
            services.GetRequiredService<KpiSourceResolver>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Problems>(),
            cancellationToken);
        return result.Result switch
        {
            Ok<KpiTestResult> ok => FormResult<KpiTestResult>.Success(ok.Value!),
            var other => Rejected<KpiTestResult>(other),
        };
    }

    public async Task<FormResult<KpiSummary>> CreateAsync(KpiDefinitionInput definition, CancellationToken cancellationToken)
    {
        if (!CanChangeKpis)
        {
            return FormResult<KpiSummary>.Failure(access.ReadOnlyReason);
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await KpiAdminApi.CreateAsync(
            JsonRequest(definition, services),
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<KpiScheduler>(),
            services.GetRequiredService<Problems>(),
            cancellationToken);
        return result.Result switch
        {
            Created<KpiSummary> created => FormResult<KpiSummary>.Success(created.Value!),
            var other => Rejected<KpiSummary>(other),
        };
    }

    public async Task<FormResult<KpiSummary>> UpdateAsync(KpiDefinitionInput definition, CancellationToken cancellationToken)
    {
        if (!CanChangeKpis)
        {
            return FormResult<KpiSummary>.Failure(access.ReadOnlyReason);
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await KpiAdminApi.UpdateAsync(
            definition.Name.Trim(),
            JsonRequest(definition, services),
            services.GetRequiredService<KpiCatalog>(),
            services.GetRequiredService<KpiScheduler>(),
            services.GetRequiredService<Problems>(),
            cancellationToken);
        return result.Result switch
        {
            Ok<KpiSummary> ok => FormResult<KpiSummary>.Success(ok.Value!),
            var other => Rejected<KpiSummary>(other),
        };
    }

    // The handlers read an HttpRequest; this one carries only the JSON body, in the request's scope.
    // Its errors leave out JSON positions, because the user filled in a form and never saw the body.
    private static HttpRequest JsonRequest(KpiDefinitionInput definition, IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(KpiDefinitionForm.ToJson(definition).ToJsonString()));
        KpiDefinitionProblems.OmitJsonPositions(context.Request);
        return context.Request;
    }

    private static FormResult<T> Rejected<T>(IResult result)
        where T : class => result switch
    {
        ValidationProblem invalid => FormResult<T>.Invalid(new Dictionary<string, string[]>(invalid.ProblemDetails.Errors, StringComparer.OrdinalIgnoreCase)),
        ProblemHttpResult problem => FormResult<T>.Failure(Message(problem)),
        _ => throw Unexpected(result),
    };

    private static string Message(ProblemHttpResult problem) =>
        problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? $"HTTP {problem.StatusCode}";

    private static InvalidOperationException Unexpected(IResult result) =>
        new($"The API handler returned an unexpected result {result.GetType().Name}.");
}
