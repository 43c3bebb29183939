using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Server.Security;
using Rca.Web;

namespace Rca.Server.Ui;

/// <summary>
/// The dashboard sign-in: <c>POST /ui/signin</c> checks an API key (form field <c>key</c> or
/// <c>X-Api-Key</c>), sets the <see cref="UiSession"/> cookie and redirects to the page the user
/// came from. <c>POST /ui/signout</c> removes the cookie. Failures redirect back to the sign-in
/// page with an error code, which the page shows in the user's language.
/// </summary>
internal static class UiSignInApi
{
    public static void MapUiSignInApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(RcaWebExtensions.SignInRoute, SignInAsync)
            .WithName("DashboardSignIn")
            .WithSummary("Checks an API key with at least the read scope, sets the dashboard session cookie for 8 hours and redirects to 'returnUrl'.")
            .WithTags("Dashboard")
            .DisableAntiforgery();

        app.MapPost(RcaWebExtensions.SignOutRoute, SignOut)
            .WithName("DashboardSignOut")
            .WithSummary("Removes the dashboard session cookie and redirects to the sign-in page.")
            .WithTags("Dashboard")
            .DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, ApiKeyValidator validator, UiSession session, ILogger<UiSession> logger)
    {
        var key = ApiKeyAuthenticationHandler.ReadKey(context.Request);
        var returnUrl = "/";
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            key ??= form["key"].ToString().Trim();
            returnUrl = form["returnUrl"].ToString();
        }

        if (!RcaWebExtensions.IsLocalPath(returnUrl))
        {
            returnUrl = "/";
        }

        if (string.IsNullOrEmpty(key))
        {
            return Back(RcaWebExtensions.SignInErrorMissing, returnUrl);
        }

        var identity = await validator.ValidateAsync(key, context.RequestAborted);
        if (identity is null)
        {
            logger.LogWarning("Rejected an invalid API key at the dashboard sign-in from {RemoteAddress}", context.Connection.RemoteIpAddress);
            return Back(RcaWebExtensions.SignInErrorInvalid, returnUrl);
        }

        if (!identity.Scopes.Contains(ApiScopes.Read))
        {
            logger.LogWarning("Rejected API key {KeyId} ({KeyName}) at the dashboard sign-in: it does not have the read scope", identity.KeyId, identity.Name);
            return Back(RcaWebExtensions.SignInErrorScope, returnUrl);
        }

        session.Issue(context, identity);
        logger.LogInformation("Dashboard session opened for API key {KeyId} ({KeyName})", identity.KeyId, identity.Name);
        return TypedResults.Redirect(returnUrl);
    }

    private static IResult SignOut(HttpContext context)
    {
        UiSession.Clear(context);
        return TypedResults.Redirect(RcaWebExtensions.SignInPage);
    }

    private static RedirectHttpResult Back(string error, string returnUrl) =>
        TypedResults.Redirect($"{RcaWebExtensions.SignInPage}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
}
