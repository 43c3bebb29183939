using Rca.Cli;

namespace Rca.Detectors.Tests.Cli;

/// <summary>Runs <c>rca</c> in-process with captured output and a controlled environment.</summary>
internal static class CliRunner
{
    /// <summary>
    /// Runs the CLI. Only the given environment variables are visible to it, so the machine's
    /// LANG or RCA_LANG cannot change the language of the messages under test.
    /// </summary>
    public static async Task<CliRun> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default,
        bool isErrorTerminal = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, isErrorTerminal, name => environment?.GetValueOrDefault(name));
        var exitCode = await CliApplication.RunAsync(args, console, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) =>
        RunAsync(args, null, TestContext.Current.CancellationToken);
}

/// <summary>The outcome of one in-process CLI run.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>The lines written to standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
