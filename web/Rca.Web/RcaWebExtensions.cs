using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;
using Rca.Web.Components;
using Rca.Web.Resources;

namespace Rca.Web;

/// <summary>
/// Registers and maps the dashboard in a host. The host supplies the in-process services
/// (<see cref="Rca.Contracts.IIncidentQueries"/>, <see cref="Rca.Contracts.IIncidentCommands"/>,
/// <see cref="Rca.Contracts.IKpiQueries"/>, <see cref="Rca.Contracts.IKpiCommands"/>,
/// <see cref="Rca.Contracts.Calibration.ICalibrationQueries"/> and <see cref="Rca.Contracts.Jobs.ISystemQueries"/>),
/// maps <see cref="SignInRoute"/> and <see cref="SignOutRoute"/>, serves static assets and sets the UI culture per request.
/// </summary>
public static class RcaWebExtensions
{
    /// <summary>The route that stores the chosen language in <see cref="UiCulture.CookieName"/> and redirects back.</summary>
    public const string CultureRoute = "/ui/culture";

    /// <summary>The sign-in page, shown when <c>Api:AnonymousRead</c> is false and the browser has no dashboard session.</summary>
    public const string SignInPage = "/signin";

    /// <summary>The route the sign-in form posts its API key to. The host maps it.</summary>
    public const string SignInRoute = "/ui/signin";

    /// <summary>The route that ends the dashboard session. The host maps it.</summary>
    public const string SignOutRoute = "/ui/signout";

    /// <summary>The sign-in page's <c>error</c> value when no key was sent.</summary>
    public const string SignInErrorMissing = "missing";

    /// <summary>The sign-in page's <c>error</c> value when the key is invalid or was deleted.</summary>
    public const string SignInErrorInvalid = "invalid";

    /// <summary>The sign-in page's <c>error</c> value when the key lacks the read scope.</summary>
    public const string SignInErrorScope = "scope";

    /// <summary>Registers Razor components with interactive server rendering, MudBlazor and localization.</summary>
    /// <param name="services">The host's services.</param>
    public static IServiceCollection AddRcaWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>Maps the dashboard pages (<c>/</c>, <c>/incidents</c>, <c>/kpis</c>, <c>/calibration</c>, <c>/system</c>, <c>/signin</c>) and the language switch route.</summary>
    /// <param name="endpoints">The host's endpoints; the host must call <c>UseAntiforgery</c>.</param>
    public static IEndpointRouteBuilder MapRcaWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CultureRoute, SetCulture).ExcludeFromDescription();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }

    private static IResult SetCulture(HttpContext context, IStringLocalizer<UiText> text, string? name, string? returnUrl)
    {
        if (!UiCulture.IsSupported(name))
        {
            return TypedResults.Problem(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, text["UnsupportedLanguage"], name, UiCulture.English, UiCulture.SimplifiedChinese),
                statusCode: StatusCodes.Status400BadRequest,
                title: text["UnsupportedLanguageTitle"]);
        }

        context.Response.Cookies.Append(UiCulture.CookieName, name!, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
        });

        // Only a path on this site, so the route cannot be used to redirect users elsewhere.
        var target = IsLocalPath(returnUrl) ? returnUrl! : "/";
        return TypedResults.Redirect(target);
    }

    /// <summary>Returns whether <paramref name="url"/> is a path on this site, so redirecting to it cannot send a user elsewhere.</summary>
    /// <param name="url">A return URL from a query string or form.</param>
    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
