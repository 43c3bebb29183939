using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Rca.Cli.Resources;
using Rca.Detectors.Synthetic;

namespace Rca.Cli;

/// <summary>
/// <c>rca generate --out DIR --seed N [--dims 10,12,10,8,5] [--cases N] [--zero-rate R]
/// [--noise S] [--anomalies MIN-MAX] [--max-layer L] [--severity MIN-MAX] [--direction D]</c>.
/// Defaults are those of <see cref="LabelledDatasetOptions"/>.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var defaults = new LabelledDatasetOptions();
        var output = new Option<string>("--out") { Description = Messages.OutOption, Required = true };
        var seed = new Option<int>("--seed") { Description = Messages.SeedOption, Required = true };
        var dimensions = new Option<int[]>("--dims")
        {
            Description = Messages.DimsOption,
            CustomParser = ParseDimensions,
            DefaultValueFactory = _ => [.. defaults.Dimensions],
        };
        var cases = new Option<int>("--cases") { Description = Messages.CasesOption, DefaultValueFactory = _ => defaults.Cases };
        var zeroRate = new Option<double>("--zero-rate") { Description = Messages.ZeroRateOption, DefaultValueFactory = _ => defaults.ZeroRate };
        var noise = new Option<double>("--noise") { Description = Messages.NoiseOption, DefaultValueFactory = _ => defaults.ForecastNoise };
        var anomalies = new Option<NumberRange>("--anomalies")
        {
            Description = Messages.AnomaliesOption,
            CustomParser = result => ParseRange(result, "--anomalies", wholeNumbers: true),
            DefaultValueFactory = _ => new NumberRange(defaults.MinAnomalies, defaults.MaxAnomalies),
        };
        var maxLayer = new Option<int>("--max-layer") { Description = Messages.MaxLayerOption, DefaultValueFactory = _ => defaults.MaxLayer };
        var severity = new Option<NumberRange>("--severity")
        {
            Description = Messages.SeverityOption,
            CustomParser = result => ParseRange(result, "--severity", wholeNumbers: false),
            DefaultValueFactory = _ => new NumberRange(defaults.MinSeverity, defaults.MaxSeverity),
        };
        var direction = new Option<string>("--direction")
        {
            Description = Messages.DirectionOption,
            DefaultValueFactory = _ => defaults.Direction.ToString().ToLowerInvariant(),
        };
        direction.AcceptOnlyFromAmong([.. Enum.GetNames<AnomalyDirection>().Select(name => name.ToLowerInvariant())]);

        var command = new Command("generate", Messages.GenerateDescription)
        {
            output, seed, dimensions, cases, zeroRate, noise, anomalies, maxLayer, severity, direction,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var anomalyRange = parseResult.GetRequiredValue(anomalies);
            var severityRange = parseResult.GetRequiredValue(severity);
            var options = defaults with
            {
                Seed = parseResult.GetRequiredValue(seed),
                Dimensions = parseResult.GetRequiredValue(dimensions),
                Cases = parseResult.GetRequiredValue(cases),
                ZeroRate = parseResult.GetRequiredValue(zeroRate),
                ForecastNoise = parseResult.GetRequiredValue(noise),
                MinAnomalies = (int)anomalyRange.Min,
                MaxAnomalies = (int)anomalyRange.Max,
                MaxLayer = parseResult.GetRequiredValue(maxLayer),
                MinSeverity = severityRange.Min,
                MaxSeverity = severityRange.Max,
                Direction = Enum.Parse<AnomalyDirection>(parseResult.GetRequiredValue(direction), ignoreCase: true),
            };
            Run(console, parseResult.GetRequiredValue(output), options, time, cancellationToken);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Run(CliConsole console, string directory, LabelledDatasetOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException error)
        {
            throw new CliUsageException(string.Format(CultureInfo.InvariantCulture, Messages.InvalidGeneratorOptions, error.Message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var progress = new ProgressLine(
            console,
            done => string.Format(CultureInfo.InvariantCulture, Messages.ProgressGenerate, done, options.Cases),
            options.Cases,
            time))
        {
            progress.Report(0);
            LabelledDatasetGenerator.Write(directory, options, progress, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        console.Out.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            Messages.GenerateDone,
            options.Cases,
            LabelledDatasetGenerator.InjectionInfoFileName,
            directory));
        console.Out.Flush();
    }

    private static int[] ParseDimensions(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(',', result.Tokens.Select(token => token.Value));
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dimensions = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dimensions[i]) || dimensions[i] < 1)
            {
                result.AddError(string.Format(CultureInfo.InvariantCulture, Messages.InvalidDimensions, text));
                return [];
            }
        }

        return dimensions;
    }

    private static NumberRange ParseRange(ArgumentResult result, string name, bool wholeNumbers)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var range = NumberRange.Parse(text, wholeNumbers);
        if (range is null)
        {
            result.AddError(string.Format(CultureInfo.InvariantCulture, Messages.InvalidRange, name, text));
            return default;
        }

        return range.Value;
    }
}
