namespace Rca.Contracts;

/// <summary>
/// The outcome of a query or command that can be rejected: a value, or the message that explains the rejection.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">The reason the operation was rejected, in the request's UI language; null on success.</param>
public sealed record OperationResult<T>(T? Value, string? Error)
    where T : class
{
    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    public static OperationResult<T> Success(T value) => new(value, null);

    /// <summary>Creates a rejected result.</summary>
    /// <param name="error">The reason.</param>
    public static OperationResult<T> Failure(string error) => new(null, error);
}
