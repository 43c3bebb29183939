namespace Rca.Detectors.Evaluation;

/// <summary>
/// The totals of the cases of one folder.
/// </summary>
/// <param name="Folder">The folder relative to the data set root; empty for the root.</param>
/// <param name="CaseCount">The number of cases in the folder.</param>
/// <param name="Score">The exact-match score summed over the folder's cases.</param>
/// <param name="SecondsMean">The mean localization time per case.</param>
/// <param name="ExternalThreshold">The external-root-cause threshold computed for the folder.</param>
/// <param name="ExternalScore">The external-flag score over the folder's cases, or null when none of them has an external ground truth.</param>
public sealed record FolderEvaluation(
    string Folder,
    int CaseCount,
    MatchScore Score,
    double SecondsMean,
    double ExternalThreshold,
    MatchScore? ExternalScore);
