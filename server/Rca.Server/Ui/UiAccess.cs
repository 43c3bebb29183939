using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Rca.Server.Api;
using Rca.Server.Security;

namespace Rca.Server.Ui;

/// <summary>
/// What the user of one dashboard circuit may do. With <c>Api:AnonymousRead</c> true everyone
/// reads and <see cref="UiOptions.AllowChanges"/> alone decides about changes. With it false the
/// sign-in gate admits only signed-in keys, and changes also need the key's write scope.
/// </summary>
/// <remarks>
/// Scoped, so each circuit reads its own user: Blazor sets the authentication state from the
/// page request while prerendering and from the <c>/_blazor</c> connection in the circuit, and
/// <see cref="UiSignInMiddleware"/> puts the session's principal on both requests.
/// </remarks>
internal sealed class UiAccess(AuthenticationStateProvider authentication, IOptions<ApiOptions> api, IOptions<UiOptions> ui)
{
    /// <summary>Whether the dashboard's change controls work for this user.</summary>
    public bool CanChange => ui.Value.AllowChanges && (api.Value.AnonymousRead || HasScope(ApiScopes.Write));

    /// <summary>The actor recorded for changes: <see cref="UiOptions.Actor"/>, followed by the key name when signed in.</summary>
    public string Actor => User()?.Identity?.Name is { Length: > 0 } key ? $"{ui.Value.Actor}:{key}" : ui.Value.Actor;

    /// <summary>The reason a change is rejected, for the dashboard's error message.</summary>
    public string ReadOnlyReason => ui.Value.AllowChanges
        ? $"The signed-in API key does not have the '{ApiScopes.Write}' scope that changes need."
        : $"The dashboard is read-only because {UiOptions.Section}:AllowChanges is false.";

    private bool HasScope(string scope) =>
        User()?.Claims.Any(claim => claim.Type == ApiScopes.ClaimType && ApiScopes.Allows(claim.Value, scope)) == true;

    private ClaimsPrincipal? User()
    {
        // Blazor sets the state before any component renders. A service used outside a circuit or
        // page request (a background caller) has no state and counts as anonymous.
        try
        {
            var state = authentication.GetAuthenticationStateAsync();
            return state.IsCompletedSuccessfully ? state.Result.User : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
