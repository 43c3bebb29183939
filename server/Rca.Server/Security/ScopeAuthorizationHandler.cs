using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Rca.Server.Api;

namespace Rca.Server.Security;

/// <summary>
/// Meets a <see cref="ScopeRequirement"/> when the key has the scope, or for reads without a
/// key when anonymous reads are on.
/// </summary>
internal sealed class ScopeAuthorizationHandler(IOptions<ApiOptions> options) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        if (authenticated && context.User.HasClaim(ApiScopes.ClaimType, requirement.Scope))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var httpContext = context.Resource as HttpContext;
        var presentedKey = httpContext is not null && ApiKeyAuthenticationHandler.ReadKey(httpContext.Request) is not null;
        if (!authenticated && !presentedKey && requirement.Scope == ApiScopes.Read && options.Value.AnonymousRead)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (httpContext is not null)
        {
            httpContext.Items[ApiKeyAuthenticationHandler.RequiredScopeItem] = requirement.Scope;
        }

        return Task.CompletedTask;
    }
}
