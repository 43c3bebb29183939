namespace Rca.Server.Localizations;

/// <summary>
/// The error raised when an uploaded leaf table is invalid; the message names the field (JSON
/// path) or the file, line and column.
/// </summary>
internal sealed class InvalidUploadException(string message, string? file = null, int? line = null, int? column = null, bool tooManyLeaves = false)
    : Exception(message)
{
    public string? File { get; } = file;

    public int? Line { get; } = line;

    public int? Column { get; } = column;

    /// <summary>Whether the table has more leaves than <c>Api:MaxUploadLeaves</c>.</summary>
    public bool TooManyLeaves { get; } = tooManyLeaves;
}
