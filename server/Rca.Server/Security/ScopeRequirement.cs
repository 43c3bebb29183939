using Microsoft.AspNetCore.Authorization;

namespace Rca.Server.Security;

/// <summary>
/// Requires an API key with a scope; the read scope is also met by an anonymous request when
/// <c>Api:AnonymousRead</c> is true.
/// </summary>
internal sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;
