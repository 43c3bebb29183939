namespace Rca.Cli;

/// <summary>The exit codes of <c>rca</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected error: a bug or an environment problem, not the user's input.</summary>
    public const int UnexpectedError = 1;

    /// <summary>Invalid input: a malformed data file or an invalid option value.</summary>
    public const int InvalidInput = 2;

    /// <summary>Canceled with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Canceled = 130;
}
