using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Rca.Server.Api;

namespace Rca.Server.Security;

/// <summary>
/// Authenticates requests by API key, from the <c>X-Api-Key</c> header or from
/// <c>Authorization: ApiKey &lt;key&gt;</c>. A request without a key is anonymous; a request
/// with a wrong key fails, even on endpoints that allow anonymous reads.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyValidator validator,
    ApiProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The <see cref="HttpContext.Items"/> key under which a failed scope check leaves the scope it needed.</summary>
    public const string RequiredScopeItem = "rca:required-scope";

    /// <summary>Returns the key a request presents, or null.</summary>
    public static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string prefix = SchemeName + " ";
        return authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? authorization[prefix.Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await validator.ValidateAsync(key, Context.RequestAborted);
        if (identity is null)
        {
            Logger.LogWarning("Rejected an invalid API key from {RemoteAddress} on {Method} {Path}", Context.Connection.RemoteIpAddress, Request.Method, Request.Path);
            return AuthenticateResult.Fail("The API key is invalid or was deleted.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.KeyId),
            new(ClaimTypes.Name, identity.Name),
        };
        claims.AddRange(identity.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = SchemeName;
        if (result.Failure is not null)
        {
            await problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "InvalidApiKey", result.Failure.Message);
            return;
        }

        var detail = $"This endpoint needs an API key: send it in the {HeaderName} header or as 'Authorization: ApiKey <key>'.";
        await problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "MissingApiKey", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.Items[RequiredScopeItem] as string ?? ApiScopes.Admin;
        var detail = $"The API key '{Context.User.Identity?.Name}' does not have the '{scope}' scope that this endpoint needs.";
        await problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "MissingScope", detail);
    }
}
