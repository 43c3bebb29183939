namespace Rca.Cli;

/// <summary>
/// The streams and environment a CLI run talks to, so that tests can run the CLI in-process
/// with captured output and their own environment variables.
/// </summary>
/// <param name="Out">Standard output: results only, so that JSON output can be piped.</param>
/// <param name="Error">Standard error: errors and the progress line.</param>
/// <param name="IsErrorTerminal">Whether standard error is a terminal; the progress line is written only then.</param>
/// <param name="GetEnvironmentVariable">Looks up an environment variable, null when unset.</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    bool IsErrorTerminal,
    Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>The process console and environment.</summary>
    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected,
        Environment.GetEnvironmentVariable);
}
