using Rca.Detectors.Localization;
using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// Turns per-case outcomes into an <see cref="EvaluationReport"/>: external decisions per
/// folder, scores per case, per folder and in total, and time statistics.
/// </summary>
internal static class EvaluationReportBuilder
{
    public static EvaluationReport Build(
        IReadOnlyList<EvaluationCase> cases,
        CaseOutcome[] outcomes,
        Func<IReadOnlyList<double>, double> thresholdRule,
        long peakWorkingSetBytes,
        long peakManagedBytes)
    {
        // Folders in order of their first case, each with its case indexes.
        var folders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var index = 0; index < cases.Count; index++)
        {
            if (!folders.TryGetValue(cases[index].Folder, out var members))
            {
                members = [];
                folders.Add(cases[index].Folder, members);
            }

            members.Add(index);
        }

        var results = new CaseEvaluation[cases.Count];
        var folderRows = new List<FolderEvaluation>(folders.Count);
        foreach (var (folder, members) in folders)
        {
            var minGps = new List<double>(members.Count);
            foreach (var index in members)
            {
                if (double.IsFinite(outcomes[index].MinGps))
                {
                    minGps.Add(outcomes[index].MinGps);
                }
            }

            var threshold = thresholdRule(minGps);
            foreach (var index in members)
            {
                results[index] = Evaluate(cases[index], outcomes[index], threshold);
            }

            folderRows.Add(Summarize(folder, members, results, threshold));
        }

        var seconds = new double[results.Length];
        var total = default(MatchScore);
        for (var index = 0; index < results.Length; index++)
        {
            seconds[index] = results[index].Seconds;
            total += results[index].Score;
        }

        return new EvaluationReport(
            results.Length,
            total,
            Mean(seconds),
            Percentile(seconds, 0.95),
            ExternalScore(results),
            peakWorkingSetBytes,
            peakManagedBytes,
            folderRows,
            results);
    }

    private static CaseEvaluation Evaluate(EvaluationCase evaluationCase, CaseOutcome outcome, double threshold)
    {
        var external = outcome.RootCauseSetCount == 0 || ExternalRootCauseClassifier.IsExternal(outcome.MinGps, outcome.ExplainedShare, threshold);
        return new CaseEvaluation(
            evaluationCase.Id,
            evaluationCase.Folder,
            outcome.Predicted,
            evaluationCase.GroundTruth,
            MatchScore.ExactMatch(outcome.Predicted, evaluationCase.GroundTruth),
            outcome.RootCauseSetCount,
            outcome.MinGps,
            outcome.Seconds,
            threshold,
            external,
            outcome.ExternalGroundTruth);
    }

    private static FolderEvaluation Summarize(string folder, List<int> members, CaseEvaluation[] results, double threshold)
    {
        var score = default(MatchScore);
        var seconds = new double[members.Count];
        var folderResults = new CaseEvaluation[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            folderResults[i] = results[members[i]];
            score += folderResults[i].Score;
            seconds[i] = folderResults[i].Seconds;
        }

        return new FolderEvaluation(folder, members.Count, score, Mean(seconds), threshold, ExternalScore(folderResults));
    }

    // The external-flag score, or null when no case has an external ground truth to score against.
    private static MatchScore? ExternalScore(IReadOnlyList<CaseEvaluation> results)
    {
        var any = false;
        var score = default(MatchScore);
        foreach (var result in results)
        {
            any |= result.ExternalGroundTruth;
            score += MatchScore.Binary(result.External, result.ExternalGroundTruth);
        }

        return any ? score : null;
    }

    private static double Mean(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>
    /// Returns a percentile by linear interpolation between the closest ranks (type 7 of
    /// Hyndman and Fan, the default of NumPy and R), or 0 for no values.
    /// </summary>
    internal static double Percentile(double[] values, double fraction)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
