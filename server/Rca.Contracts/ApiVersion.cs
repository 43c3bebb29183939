namespace Rca.Contracts;

/// <summary>
/// The version of the REST API that these contracts describe.
/// </summary>
public static class ApiVersion
{
    /// <summary>The route prefix of every endpoint of this version.</summary>
    public const string RoutePrefix = "/api/v1";
}
