namespace Rca.Server.Security;

/// <summary>
/// The scopes an API key can hold. Each scope includes the ones below it: admin includes write,
/// and write includes read.
/// </summary>
internal static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    /// <summary>The claim type that carries one granted scope.</summary>
    public const string ClaimType = "rca:scope";

    public static readonly IReadOnlyList<string> All = [Read, Write, Admin];

    /// <summary>Returns whether holding <paramref name="granted"/> allows what <paramref name="required"/> guards.</summary>
    public static bool Allows(string granted, string required) => Rank(granted) >= Rank(required) && Rank(required) > 0;

    /// <summary>Returns every scope the granted ones include, for the claims of a key.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> granted)
    {
        var top = granted.Select(Rank).DefaultIfEmpty(0).Max();
        return [.. All.Where(scope => Rank(scope) <= top)];
    }

    private static int Rank(string scope) => scope switch
    {
        Read => 1,
        Write => 2,
        Admin => 3,
        _ => 0,
    };
}
