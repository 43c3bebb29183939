using System.CommandLine;
using System.Globalization;
using Rca.Cli.Resources;
using Rca.Detectors.Calibration;

namespace Rca.Cli;

/// <summary><c>rca calibrate FILE [--fields a,b] [--format text|json] [--format-in aggregate|raw]</c>.</summary>
internal static class CalibrateCommand
{
    public const string AggregateFormat = "aggregate";
    public const string RawFormat = "raw";

    public static Command Create(CliConsole console, SharedOptions shared)
    {
        var file = new Argument<string>("FILE") { Description = Messages.CalibrateFileArgument };
        var fields = new Option<string?>("--fields") { Description = Messages.FieldsOption };
        var formatIn = new Option<string?>("--format-in") { Description = Messages.FormatInOption };
        formatIn.AcceptOnlyFromAmong(AggregateFormat, RawFormat);
        var command = new Command("calibrate", Messages.CalibrateDescription)
        {
            file,
            fields,
            shared.Format,
            formatIn,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new CalibrationFileCheckOptions
            {
                Format = parseResult.GetValue(formatIn) switch
                {
                    AggregateFormat => CalibrationFileFormat.Aggregate,
                    RawFormat => CalibrationFileFormat.Raw,
                    _ => null,
                },
                Fields = ParseFields(parseResult.GetValue(fields)),
            };
            var path = parseResult.GetRequiredValue(file);
            var report = CalibrationFileCheck.CheckFile(path, options, cancellationToken);
            var output = new CalibrateReport(path, report);
            if (parseResult.GetRequiredValue(shared.Format) == SharedOptions.JsonFormat)
            {
                output.WriteJson(console.Out);
            }
            else
            {
                output.WriteText(console.Out);
            }

            console.Out.Flush();
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string[]? ParseFields(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var fields = text.Split(',', StringSplitOptions.TrimEntries);
        if (Array.Exists(fields, string.IsNullOrEmpty))
        {
            throw new CliUsageException(string.Format(CultureInfo.InvariantCulture, Messages.InvalidFieldsOption, text));
        }

        return fields;
    }
}
