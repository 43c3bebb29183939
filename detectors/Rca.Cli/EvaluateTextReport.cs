using System.Globalization;
using Rca.Cli.Resources;
using Rca.Detectors.Evaluation;

namespace Rca.Cli;

/// <summary>The text output of <c>rca evaluate</c>: one row per folder, the totals, times and memory.</summary>
internal static class EvaluateTextReport
{
    public static void Write(TextWriter writer, EvaluationReport report, string root, string algorithm)
    {
        writer.WriteLine(Format(Messages.EvaluateTitle, algorithm, root, report.CaseCount));
        var external = report.ExternalScore is not null;
        var headers = new List<string>
        {
            Messages.HeaderFolder, Messages.HeaderCases, Messages.HeaderTp, Messages.HeaderFp, Messages.HeaderFn,
            Messages.HeaderPrecision, Messages.HeaderRecall, Messages.HeaderF1, Messages.HeaderSecondsMean,
            Messages.HeaderThreshold,
        };
        if (external)
        {
            headers.Add(Messages.HeaderExternalF1);
        }

        var alignment = headers.Select((_, column) => column > 0).ToArray();
        var table = new TextTable([.. headers], alignment);
        foreach (var folder in report.Folders)
        {
            var row = new List<string>
            {
                folder.Folder.Length == 0 ? Messages.RootFolder : folder.Folder,
                NumberText.Count(folder.CaseCount),
            };
            row.AddRange(ScoreCells(folder.Score));
            row.Add(NumberText.Seconds(folder.SecondsMean));
            row.Add(NumberText.Score(folder.ExternalThreshold));
            if (external)
            {
                row.Add(folder.ExternalScore is { } score ? NumberText.Score(score.F1) : "-");
            }

            table.AddRow([.. row]);
        }

        var totals = new List<string> { Messages.TotalRow, NumberText.Count(report.CaseCount) };
        totals.AddRange(ScoreCells(report.Score));
        totals.Add(NumberText.Seconds(report.SecondsMean));
        totals.Add("-");
        if (external)
        {
            totals.Add(NumberText.Score(report.ExternalScore!.Value.F1));
        }

        table.AddRow([.. totals]);
        table.Write(writer);
        writer.WriteLine();
        writer.WriteLine(Format(
            Messages.EvaluateTimes,
            NumberText.Seconds(report.SecondsMean),
            NumberText.Seconds(report.SecondsP95),
            (report.PeakWorkingSetBytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture)));
        if (report.ExternalScore is { } externalScore)
        {
            writer.WriteLine(Format(
                Messages.EvaluateExternal,
                NumberText.Score(externalScore.Precision),
                NumberText.Score(externalScore.Recall),
                NumberText.Score(externalScore.F1),
                externalScore.TruePositives,
                externalScore.FalsePositives,
                externalScore.FalseNegatives));
        }
    }

    private static string[] ScoreCells(MatchScore score) =>
    [
        NumberText.Count(score.TruePositives),
        NumberText.Count(score.FalsePositives),
        NumberText.Count(score.FalseNegatives),
        NumberText.Score(score.Precision),
        NumberText.Score(score.Recall),
        NumberText.Score(score.F1),
    ];

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);
}
