using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Rca.Server.Resources;

namespace Rca.Server.Api;

/// <summary>
/// Writes RFC 9457 problem responses from middleware and authentication handlers, where no
/// endpoint result is available; titles come from <c>ProblemTitles.resx</c>.
/// </summary>
internal sealed class ApiProblemWriter(IProblemDetailsService problemDetails, IStringLocalizer<ProblemTitles> titles)
{
    public async Task WriteAsync(HttpContext context, int statusCode, string titleKey, string detail, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = statusCode;
        var title = titles[titleKey];
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Title = title.ResourceNotFound ? ReasonPhrases.GetReasonPhrase(statusCode) : title.Value,
            Detail = detail,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
