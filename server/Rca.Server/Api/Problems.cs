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
}
