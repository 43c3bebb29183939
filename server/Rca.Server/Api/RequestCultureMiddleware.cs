using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Rca.Server.Api;

/// <summary>
/// Sets the UI culture of a request from <c>Accept-Language</c>: Simplified Chinese for
/// <c>zh</c>, <c>zh-CN</c>, <c>zh-SG</c> and <c>zh-Hans*</c>, English for everything else.
/// It runs first, so problem titles written by outer middleware are translated too. The
/// dashboard's language cookie, when set to a supported language, takes precedence.
/// </summary>
internal sealed class RequestCultureMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var culture = FromCookie(context.Request.Cookies[Rca.Web.UiCulture.CookieName])
            ?? Choose(context.Request.Headers.AcceptLanguage.ToString());
        CultureInfo.CurrentUICulture = culture;
        context.Response.Headers.ContentLanguage = culture.Name;
        return next(context);
    }

    private static CultureInfo? FromCookie(string? tag) => tag switch
    {
        Rca.Web.UiCulture.English => LanguageCulture.English,
        Rca.Web.UiCulture.SimplifiedChinese => LanguageCulture.SimplifiedChinese,
        _ => null,
    };

    /// <summary>Returns the culture for an <c>Accept-Language</c> value, honouring quality values.</summary>
    public static CultureInfo Choose(string acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var languages))
        {
            return LanguageCulture.English;
        }

        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            if (language.Quality == 0)
            {
                continue;
            }

            var tag = language.Value.ToString();
            if (IsSimplifiedChinese(tag))
            {
                return LanguageCulture.SimplifiedChinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) || tag == "*")
            {
                return LanguageCulture.English;
            }
        }

        return LanguageCulture.English;
    }

    private static bool IsSimplifiedChinese(string tag)
    {
        var parts = tag.Split('-');
        if (!parts[0].Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return parts.Length == 1
            || parts[1].Equals("Hans", StringComparison.OrdinalIgnoreCase)
            || parts[1].Equals("CN", StringComparison.OrdinalIgnoreCase)
            || parts[1].Equals("SG", StringComparison.OrdinalIgnoreCase);
    }
}
