namespace Rca.Server.Api;

/// <summary>
/// A JSON body error in the client's terms: the JSON path such as <c>$.comment</c>, the 1-based
/// position such as <c>line 1, byte 12</c> (null when the reader did not report one), and a
/// sentence saying what was expected there.
/// </summary>
internal sealed record JsonError(JsonErrorKind Kind, string Path, string? Position, string Text);
