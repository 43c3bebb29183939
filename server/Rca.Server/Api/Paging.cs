namespace Rca.Server.Api;

/// <summary>
/// Validates <c>limit</c> and <c>offset</c> query parameters.
/// </summary>
internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Returns the error detail for invalid values, or null.</summary>
    public static string? Validate(int limit, int offset) =>
        limit is < 1 or > MaxLimit ? $"'limit' must be between 1 and {MaxLimit}, got {limit}."
        : offset < 0 ? $"'offset' must be at least 0, got {offset}."
        : null;
}
