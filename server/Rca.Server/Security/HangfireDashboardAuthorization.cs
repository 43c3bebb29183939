using Hangfire.Dashboard;
using Microsoft.Extensions.Options;
using Rca.Server.Api;

namespace Rca.Server.Security;

/// <summary>
/// Opens the Hangfire dashboard to an admin key in <c>X-Api-Key</c> or <c>Authorization: ApiKey</c>,
/// to the cookie of <c>POST /dashboard/login</c>, and, when <c>Api:DashboardLocalAccess</c> is
/// true, to requests from the local machine.
/// </summary>
internal sealed class HangfireDashboardAuthorization(IOptions<ApiOptions> options) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (options.Value.DashboardLocalAccess && IsLocal(http))
        {
            return true;
        }

        if (http.RequestServices.GetRequiredService<DashboardSession>().IsValid(http))
        {
            return true;
        }

        var key = ApiKeyAuthenticationHandler.ReadKey(http.Request);
        if (key is null)
        {
            return false;
        }

        var identity = await http.RequestServices.GetRequiredService<ApiKeyValidator>().ValidateAsync(key, http.RequestAborted);
        return identity is not null && identity.Scopes.Contains(ApiScopes.Admin);
    }

    private static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && (System.Net.IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress));
    }
}
