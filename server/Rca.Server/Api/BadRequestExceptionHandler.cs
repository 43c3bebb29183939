using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Rca.Server.Api;

/// <summary>
/// Turns <see cref="BadHttpRequestException"/> (a parameter that does not bind, unreadable JSON,
/// a body over the size limit) into a problem response with the exception's status code and a
/// detail that names the parameter and, for JSON, the path and position of the error.
/// </summary>
internal sealed class BadRequestExceptionHandler(ApiProblemWriter problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
        {
            return false;
        }

        var detail = badRequest.Message;
        if (badRequest.InnerException is JsonException json)
        {
            detail += json.Path is null ? $" {json.Message}" : $" At JSON path '{json.Path}' (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}): {json.Message}";
        }

        logger.LogInformation("Rejected {Method} {Path} with {Status}: {Detail}", httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, detail);
        await problems.WriteAsync(httpContext, badRequest.StatusCode, "Status" + badRequest.StatusCode, detail);
        return true;
    }
}
