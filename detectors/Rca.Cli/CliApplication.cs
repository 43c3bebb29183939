using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Rca.Cli.Resources;
using Rca.Detectors.Data;

namespace Rca.Cli;

/// <summary>
/// The <c>rca</c> command line: parses the arguments, runs the command and maps every outcome
/// to an exit code and at most one error line on standard error.
/// </summary>
internal static class CliApplication
{
    /// <summary>Runs <c>rca</c> with the given arguments and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        string language;
        try
        {
            language = UiLanguage.Resolve(args, console.GetEnvironmentVariable);
        }
        catch (CliUsageException error)
        {
            WriteError(console, string.Format(CultureInfo.InvariantCulture, "error: {0}", error.Message));
            return ExitCodes.InvalidInput;
        }

        // The UI culture flows with the async context, and the finally block restores the caller's.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new LanguageCulture(language);
        try
        {
            return await RunInLanguageAsync(args, console, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Builds the command tree with its help texts in the current UI language.</summary>
    public static RootCommand CreateRootCommand(CliConsole console, TimeProvider time)
    {
        var shared = new SharedOptions();
        var root = new RootCommand(Messages.RootDescription)
        {
            shared.Language,
            shared.Verbose,
        };

        // System.CommandLine 3.0.0 ships no Chinese text for its own two options.
        foreach (var option in root.Options)
        {
            if (option is HelpOption)
            {
                option.Description = Messages.HelpOption;
            }
            else if (option is VersionOption)
            {
                option.Description = Messages.VersionOption;
            }
        }

        root.Add(LocalizeCommand.Create(console, shared));
        root.Add(EvaluateCommand.Create(console, shared, time));
        root.Add(GenerateCommand.Create(console, time));
        root.Add(CalibrateCommand.Create(console, shared));
        return root;
    }

    private static async Task<int> RunInLanguageAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = CreateRootCommand(console, TimeProvider.System);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                WriteError(console, Format(Messages.ErrorLine, parseError.Message));
            }

            WriteError(console, Format(Messages.HelpHint, CommandPath(parseResult)));
            return ExitCodes.InvalidInput;
        }

        var verbose = parseResult.GetValue<bool>("--verbose");
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Ctrl-C is turned into cancellationToken by the caller.
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (InvalidDataFileException error)
        {
            WriteError(console, Format(Messages.ErrorLine, error.Message));
            return ExitCodes.InvalidInput;
        }
        catch (CliUsageException error)
        {
            WriteError(console, Format(Messages.ErrorLine, error.Message));
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteError(console, Messages.Canceled);
            return ExitCodes.Canceled;
        }
        catch (Exception error)
        {
            WriteError(console, Format(Messages.UnexpectedErrorLine, error.Message));
            if (verbose)
            {
                console.Error.WriteLine(error.ToString());
            }
            else
            {
                WriteError(console, Messages.VerboseHint);
            }

            return ExitCodes.UnexpectedError;
        }
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "rca" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>Writes a message as exactly one line: line breaks inside it become spaces.</summary>
    private static void WriteError(CliConsole console, string message)
    {
        console.Error.WriteLine(message.ReplaceLineEndings(" "));
        console.Error.Flush();
    }

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);
}
