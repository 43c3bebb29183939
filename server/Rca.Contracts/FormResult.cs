namespace Rca.Contracts;

/// <summary>
/// The outcome of a form submission: a value, the problems of each invalid field, or one message
/// for a rejection that no field explains (such as a source error or a name that is taken).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value; null when the submission was rejected.</param>
/// <param name="Error">The reason for a rejection that no field explains; null otherwise.</param>
/// <param name="FieldErrors">The problems per field, keyed by the field's dotted path as the API's validator names it (case-insensitive), such as <c>Source.Database</c>.</param>
public sealed record FormResult<T>(T? Value, string? Error, IReadOnlyDictionary<string, string[]> FieldErrors)
    where T : class
{
    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    public static FormResult<T> Success(T value) => new(value, null, new Dictionary<string, string[]>());

    /// <summary>Creates a result rejected with one message.</summary>
    /// <param name="error">The reason.</param>
    public static FormResult<T> Failure(string error) => new(null, error, new Dictionary<string, string[]>());

    /// <summary>Creates a result rejected for invalid fields.</summary>
    /// <param name="fieldErrors">The problems per field.</param>
    public static FormResult<T> Invalid(IReadOnlyDictionary<string, string[]> fieldErrors) => new(null, null, fieldErrors);
}
