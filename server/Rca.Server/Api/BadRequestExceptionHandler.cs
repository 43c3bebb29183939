using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Rca.Server.Api;

/// <summary>
/// Turns <see cref="BadHttpRequestException"/> (a parameter that does not bind, unreadable JSON,
/// a body over the size limit) into a problem response with the exception's status code. The
/// detail names the input as the client sent it (query parameter, route parameter, header or
/// JSON path with its 1-based line and byte) and what was expected, never a .NET type name.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(
    ApiProblemWriter problems,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
    ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
        {
            return false;
        }

        var detail = Describe(httpContext, badRequest);
        logger.LogInformation("Rejected {Method} {Path} with {Status}: {Detail}", httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, detail);
        await problems.WriteAsync(httpContext, badRequest.StatusCode, "Status" + badRequest.StatusCode, detail);
        return true;
    }

    // The messages parsed here are the fixed English texts of ASP.NET Core's request delegate
    // factory (RequestDelegateFactory). Any other message is passed on unchanged.
    private string Describe(HttpContext context, BadHttpRequestException badRequest)
    {
        var message = badRequest.Message;
        var readBody = ReadBodyFailed().Match(message);
        if (readBody.Success && badRequest.InnerException is JsonException json)
        {
            var bodyType = FindParameter(context, readBody.Groups["name"].Value)?.ParameterType
                ?? FailedEndpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType
                ?? typeof(object);
            var error = JsonErrorText.Explain(json, bodyType, jsonOptions.Value.SerializerOptions);
            var where = error.Position is null ? error.Path : $"{error.Path} ({error.Position})";
            return error.Kind switch
            {
                JsonErrorKind.Syntax => $"The request body is not valid JSON at {where}. {error.Text}",
                JsonErrorKind.UnknownProperty => $"The request body has an unknown property at {where}. {error.Text}",
                _ => $"The request body has an invalid value at {where}. {error.Text}",
            };
        }

        var bind = BindFailed().Match(message);
        if (bind.Success)
        {
            var (source, name, type) = Input(context, bind.Groups["name"].Value);
            var expected = type is null ? "" : $" Expected {ExpectedValueText.Describe(type, null)}.";
            return $"The {source} '{name}' is invalid: '{bind.Groups["value"].Value}'.{expected}";
        }

        var missing = RequiredMissing().Match(message);
        if (missing.Success)
        {
            var parameter = missing.Groups["name"].Value;
            if (missing.Groups["source"].Value == "body")
            {
                return "The request body is missing. Send a JSON object with Content-Type application/json.";
            }

            var (source, name, type) = Input(context, parameter);
            var expected = type is null ? "" : $" Expected {ExpectedValueText.Describe(type, null)}.";
            return $"The {source} '{name}' is missing.{expected}";
        }

        return message;
    }

    // Returns how the client names a handler parameter: where it is read from, its name there and its type.
    private static (string Source, string Name, Type? Type) Input(HttpContext context, string parameterName)
    {
        var parameter = FindParameter(context, parameterName);
        if (parameter?.GetCustomAttribute<FromHeaderAttribute>() is { } header)
        {
            return ("header", header.Name ?? parameterName, parameter.ParameterType);
        }

        var route = (FailedEndpoint(context) as RouteEndpoint)?.RoutePattern;
        if (parameter?.GetCustomAttribute<FromRouteAttribute>() is not null || route?.GetParameter(parameterName) is not null)
        {
            return ("route parameter", parameterName, parameter?.ParameterType);
        }

        var query = parameter?.GetCustomAttribute<FromQueryAttribute>();
        return ("query parameter", query?.Name ?? parameterName, parameter?.ParameterType);
    }

    // The exception handler middleware clears the request's endpoint before it calls handlers,
    // and keeps the endpoint that failed in its feature.
    private static Endpoint? FailedEndpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static ParameterInfo? FindParameter(HttpContext context, string name)
    {
        var method = FailedEndpoint(context)?.Metadata.GetMetadata<MethodInfo>();
        if (method is null)
        {
            return null;
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    [GeneratedRegex("^Failed to read parameter \"[^\"]* (?<name>[^\" ]+)\" from the request body as JSON\\.$")]
    private static partial Regex ReadBodyFailed();

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"[^\"]* (?<name>[^\" ]+)\" was not provided from (?<source>.+)\\.$")]
    private static partial Regex RequiredMissing();
}
