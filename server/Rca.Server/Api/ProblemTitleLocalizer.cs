using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Rca.Server.Resources;

namespace Rca.Server.Api;

/// <summary>
/// Replaces the framework's default English problem titles (written for 404 on unknown routes,
/// 405, 415 and unhandled errors) with the <c>Status&lt;code&gt;</c> titles of
/// <c>ProblemTitles.resx</c> in the request's culture. Titles an endpoint chose are kept.
/// </summary>
internal static class ProblemTitleLocalizer
{
    // The title ASP.NET Core gives a 500 instead of the reason phrase.
    private const string DefaultServerErrorTitle = "An error occurred while processing your request.";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // Endpoint problems always carry a detail; the framework's own ones have none.
        var isDefault = problem.Title is null
            || problem.Detail is null
            || problem.Title == ReasonPhrases.GetReasonPhrase(status)
            || problem.Title == DefaultServerErrorTitle;
        if (!isDefault)
        {
            return;
        }

        var titles = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ProblemTitles>>();
        var title = titles["Status" + status];
        if (!title.ResourceNotFound)
        {
            problem.Title = title.Value;
        }

        if (status == StatusCodes.Status404NotFound && problem.Detail is null && context.HttpContext.GetEndpoint() is null)
        {
            problem.Detail = $"No endpoint matches {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.";
        }
        else if (status == StatusCodes.Status405MethodNotAllowed && problem.Detail is null)
        {
            problem.Detail = $"{context.HttpContext.Request.Path} does not accept {context.HttpContext.Request.Method}.";
        }
        else if (status == StatusCodes.Status413PayloadTooLarge && problem.Detail is null)
        {
            problem.Detail = $"The request body is larger than the limit for {context.HttpContext.Request.Path}.";
        }
        else if (status == StatusCodes.Status415UnsupportedMediaType && problem.Detail is null)
        {
            problem.Detail = $"Content type '{context.HttpContext.Request.ContentType}' is not accepted here; send application/json.";
        }
    }
}
