using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Contracts.Calibration;
using Rca.Server.Api;
using Rca.Server.Calibration;
using Rca.Server.Storage;

namespace Rca.Server.Ui;

/// <summary>
/// Serves the dashboard's calibration pages: models and checks through the REST API's handlers,
/// and the trend of a model's watched metrics from the stored checks.
/// </summary>
internal sealed class CalibrationUiService(IServiceScopeFactory scopes) : ICalibrationQueries
{
    public async Task<IReadOnlyList<CalibrationModelSummary>> ListModelsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await CalibrationApi.ListModelsAsync(
            services.GetRequiredService<IOptionsMonitor<CalibrationOptions>>(), services.GetRequiredService<RcaDbContext>(), cancellationToken);
        return result.Value ?? [];
    }

    public async Task<OperationResult<IReadOnlyList<CalibrationTrendPoint>>> ListTrendAsync(string model, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > Paging.MaxLimit)
        {
            return OperationResult<IReadOnlyList<CalibrationTrendPoint>>.Failure($"'limit' must be between 1 and {Paging.MaxLimit}, got {limit}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!services.GetRequiredService<IOptionsMonitor<CalibrationOptions>>().CurrentValue.Models.ContainsKey(model))
        {
            return OperationResult<IReadOnlyList<CalibrationTrendPoint>>.Failure(
                $"No calibration model is named '{model}'. Configure it under Calibration:Models:{model}.");
        }

        var checks = await services.GetRequiredService<RcaDbContext>().CalibrationChecks.AsNoTracking()
            .Where(check => check.ModelName == model)
            .OrderByDescending(check => check.WindowStart)
            .Take(limit)
            .Include(check => check.Fields)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var points = new List<CalibrationTrendPoint>(checks.Count);
        for (var i = checks.Count - 1; i >= 0; i--)
        {
            var detail = checks[i].ToDetail();
            points.Add(new CalibrationTrendPoint(
                detail.Summary.Id, detail.Summary.WindowStart, detail.Summary.Verdict, detail.Summary.Mature, detail.Summary.CalibrationRatio, detail.RatioBand, detail.Fields));
        }

        return OperationResult<IReadOnlyList<CalibrationTrendPoint>>.Success(points);
    }

    public async Task<OperationResult<CalibrationCheckDetail>> GetCheckAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await CalibrationApi.GetCheckAsync(id, services.GetRequiredService<RcaDbContext>(), services.GetRequiredService<Problems>(), cancellationToken);
        return result.Result switch
        {
            Ok<CalibrationCheckDetail> ok => OperationResult<CalibrationCheckDetail>.Success(ok.Value!),
            ProblemHttpResult problem => OperationResult<CalibrationCheckDetail>.Failure(problem.ProblemDetails.Detail ?? $"HTTP {problem.StatusCode}"),
            var other => throw new InvalidOperationException($"The API handler returned an unexpected result {other.GetType().Name}."),
        };
    }
}
