using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Options;
using Rca.Server.Api;
using Rca.Web;

namespace Rca.Server.Security;

/// <summary>
/// Requires a dashboard sign-in when <c>Api:AnonymousRead</c> is false: a dashboard page without
/// a valid <see cref="UiSession"/> cookie redirects to the sign-in page, and the Blazor circuit
/// endpoint (<c>/_blazor</c>) returns 401. With a valid cookie the request's user becomes the
/// signed-in key, and a circuit started by the request gets that user. Other endpoints are left to their own rules.
/// </summary>
internal sealed class UiSignInMiddleware(RequestDelegate next, IOptionsMonitor<ApiOptions> options, UiSession session)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (options.CurrentValue.AnonymousRead)
        {
            return next(context);
        }

        var circuit = context.Request.Path.StartsWithSegments("/_blazor");
        var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if ((!circuit && !page) || context.Request.Path.StartsWithSegments(RcaWebExtensions.SignInPage))
        {
            return next(context);
        }

        if (session.Read(context) is { } user)
        {
            context.User = user;
            return next(context);
        }

        if (circuit)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{RcaWebExtensions.SignInPage}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }
}
