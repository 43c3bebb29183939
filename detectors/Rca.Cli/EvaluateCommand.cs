using System.CommandLine;
using System.Globalization;
using Rca.Cli.Resources;
using Rca.Detectors.Evaluation;
using Rca.Detectors.Localization;

namespace Rca.Cli;

/// <summary><c>rca evaluate DIR [--format text|json] [--threads N] [--algorithm psqueeze|squeeze]</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console, SharedOptions shared, TimeProvider time)
    {
        var directory = new Argument<string>("DIR") { Description = Messages.EvaluateDirectoryArgument };
        var threads = new Option<int>("--threads")
        {
            Description = Messages.ThreadsOption,
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1)
            {
                result.AddError(string.Format(CultureInfo.InvariantCulture, Messages.ThreadsOutOfRange, value));
            }
        });

        var command = new Command("evaluate", Messages.EvaluateDescription)
        {
            directory,
            shared.Format,
            threads,
            shared.Algorithm,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new Settings(
                parseResult.GetRequiredValue(directory),
                parseResult.GetRequiredValue(shared.Algorithm),
                parseResult.GetRequiredValue(threads),
                parseResult.GetRequiredValue(shared.Format) == SharedOptions.JsonFormat);
            Run(console, settings, time, cancellationToken);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Run(CliConsole console, Settings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var dataset = EvaluationDataset.Discover(settings.Directory);

        // With several cases in flight, each localization runs on one thread so that the cases,
        // not the cuboids of one case, share the processors.
        var localizer = new PSqueezeLocalizer(LocalizationAlgorithm.Options(settings.Algorithm, settings.Threads > 1 ? 1 : 0));
        var options = new EvaluationOptions
        {
            Threads = settings.Threads,
            ExternalThreshold = ExternalRootCauseClassifier.Threshold,
        };

        var total = dataset.Cases.Count;
        EvaluationReport report;
        using (var progress = new ProgressLine(
            console,
            done => string.Format(CultureInfo.InvariantCulture, Messages.ProgressEvaluate, done, total),
            total,
            time))
        {
            report = Evaluator.Evaluate(dataset.Cases, localizer.Localize, options, progress, cancellationToken);
        }

        if (settings.Json)
        {
            console.Out.WriteLine(report.ToJson());
        }
        else
        {
            EvaluateTextReport.Write(console.Out, report, dataset.Root, LocalizationAlgorithm.DisplayName(settings.Algorithm));
        }

        console.Out.Flush();
    }

    private sealed record Settings(string Directory, string Algorithm, int Threads, bool Json);
}
