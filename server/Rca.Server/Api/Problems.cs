using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Rca.Server.Resources;

namespace Rca.Server.Api;

/// <summary>
/// Builds RFC 9457 problem responses whose titles come from <c>ProblemTitles.resx</c>.
/// </summary>
internal sealed class Problems(IStringLocalizer<ProblemTitles> titles)
{
    public ProblemHttpResult NotFound(string titleKey, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: titles[titleKey]);

    public ProblemHttpResult BadRequest(string titleKey, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: titles[titleKey]);

    public ProblemHttpResult Conflict(string titleKey, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: titles[titleKey]);

    /// <summary>Returns a problem with any status code and optional extension members.</summary>
    public ProblemHttpResult Status(int statusCode, string titleKey, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: titles[titleKey], extensions: extensions);

    /// <summary>Returns a 400 validation problem whose <c>errors</c> member lists the messages per field.</summary>
    public ValidationProblem Validation(string titleKey, string detail, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail, title: titles[titleKey]);
}
