namespace Rca.Server.Security;

/// <summary>The authorization policy names, one per scope.</summary>
internal static class ApiPolicies
{
    public const string Read = "scope:read";
    public const string Write = "scope:write";
    public const string Admin = "scope:admin";
}
