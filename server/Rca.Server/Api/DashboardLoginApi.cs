using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Server.Security;

namespace Rca.Server.Api;

/// <summary>
/// The login for the Hangfire dashboard: a form at <c>GET /dashboard/login</c> that posts an
/// admin key to <c>POST /dashboard/login</c>, which sets the session cookie and redirects to
/// <c>/hangfire</c>. Scripts may post the key in <c>X-Api-Key</c> instead of the form field.
/// </summary>
internal static class DashboardLoginApi
{
    private const string LoginPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>RcaService jobs dashboard</title></head>
        <body>
        <h1>RcaService jobs dashboard</h1>
        <form method="post" action="/dashboard/login">
        <label>Admin API key <input type="password" name="key" autocomplete="off" required></label>
        <button type="submit">Open the dashboard</button>
        </form>
        </body></html>
        """;

    public static void MapDashboardLoginApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/login", () => TypedResults.Content(LoginPage, "text/html; charset=utf-8"))
            .WithName("GetDashboardLogin")
            .WithSummary("Returns the login form of the Hangfire dashboard.")
            .WithTags("Dashboard");

        app.MapPost("/dashboard/login", LoginAsync)
            .WithName("DashboardLogin")
            .WithSummary("Checks an admin key (form field 'key' or X-Api-Key), sets the dashboard cookie for 8 hours and redirects to /hangfire.")
            .WithTags("Dashboard")
            .DisableAntiforgery();
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> LoginAsync(
        HttpContext context, ApiKeyValidator validator, DashboardSession session, Problems problems, ILogger<DashboardSession> logger)
    {
        var key = ApiKeyAuthenticationHandler.ReadKey(context.Request);
        if (key is null && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            key = form["key"].ToString().Trim();
        }

        if (string.IsNullOrEmpty(key))
        {
            return problems.Status(StatusCodes.Status401Unauthorized, "MissingApiKey", "Send an admin API key in the form field 'key' or in the X-Api-Key header.");
        }

        var identity = await validator.ValidateAsync(key, context.RequestAborted);
        if (identity is null)
        {
            return problems.Status(StatusCodes.Status401Unauthorized, "InvalidApiKey", "The API key is invalid or was deleted.");
        }

        if (!identity.Scopes.Contains(ApiScopes.Admin))
        {
            return problems.Status(StatusCodes.Status403Forbidden, "MissingScope", $"The API key '{identity.Name}' does not have the 'admin' scope that the dashboard needs.");
        }

        session.Issue(context, identity.Name);
        logger.LogInformation("Dashboard session opened for API key {KeyId} ({KeyName})", identity.KeyId, identity.Name);
        return TypedResults.Redirect("/hangfire");
    }
}
