using System.CommandLine;
using Rca.Cli.Resources;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Cli;

/// <summary><c>rca localize FILE [--derived] [--format text|json] [--algorithm psqueeze|squeeze]</c>.</summary>
internal static class LocalizeCommand
{
    public static Command Create(CliConsole console, SharedOptions shared)
    {
        var file = new Argument<string>("FILE") { Description = Messages.LocalizeFileArgument };
        var derived = new Option<bool>("--derived") { Description = Messages.DerivedOption };
        var command = new Command("localize", Messages.LocalizeDescription)
        {
            file,
            derived,
            shared.Format,
            shared.Algorithm,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            var algorithm = parseResult.GetRequiredValue(shared.Algorithm);
            var json = parseResult.GetRequiredValue(shared.Format) == SharedOptions.JsonFormat;
            Run(console, path, parseResult.GetValue(derived), algorithm, json, cancellationToken);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Run(CliConsole console, string path, bool derived, string algorithm, bool json, CancellationToken cancellationToken)
    {
        var casePath = derived ? NumeratorPath(path) : path;
        var table = SqueezeCsvReader.Read(casePath);
        var localizer = new PSqueezeLocalizer(LocalizationAlgorithm.Options(algorithm));
        var result = localizer.Localize(table, cancellationToken);
        var report = new LocalizeReport(casePath, algorithm, table, result);
        if (json)
        {
            report.WriteJson(console.Out);
        }
        else
        {
            report.WriteText(console.Out);
        }

        console.Out.Flush();
    }

    /// <summary>Returns the numerator file of a derived case given as <c>.a.csv</c>, <c>.b.csv</c> or the stem.</summary>
    private static string NumeratorPath(string path)
    {
        if (path.EndsWith(SqueezeCsvReader.NumeratorSuffix, StringComparison.Ordinal)
            || path.EndsWith(SqueezeCsvReader.DenominatorSuffix, StringComparison.Ordinal))
        {
            return path;
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException(string.Format(System.Globalization.CultureInfo.InvariantCulture, Messages.DerivedNeedsPair, path));
        }

        return path + SqueezeCsvReader.NumeratorSuffix;
    }
}
