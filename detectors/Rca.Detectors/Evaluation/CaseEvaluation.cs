using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// The outcome of one case: the prediction, its score against the ground truth, the
/// localization time and the external-root-cause decision.
/// </summary>
/// <param name="Id">The case id (see <see cref="EvaluationCase.Id"/>).</param>
/// <param name="Folder">The case folder relative to the data set root.</param>
/// <param name="Predicted">Every combination of every root-cause set, canonical, without repeats, in ordinal order.</param>
/// <param name="GroundTruth">The labelled combinations, canonical, in ordinal order.</param>
/// <param name="Score">The exact-match score of <paramref name="Predicted"/> against <paramref name="GroundTruth"/>.</param>
/// <param name="RootCauseSetCount">The number of root-cause sets the localizer returned.</param>
/// <param name="MinGps">The smallest GPS among the root-cause sets, or NaN when there are none.</param>
/// <param name="Seconds">The time of the localize call alone, without reading the files.</param>
/// <param name="ExternalThreshold">The threshold of the case's folder.</param>
/// <param name="External">True when <see cref="Localization.ExternalRootCauseClassifier.IsExternal(double, double, double)"/> flags the case.</param>
/// <param name="ExternalGroundTruth">True when a ground-truth combination names an attribute missing from the table.</param>
public sealed record CaseEvaluation(
    string Id,
    string Folder,
    IReadOnlyList<AttributeCombination> Predicted,
    IReadOnlyList<AttributeCombination> GroundTruth,
    MatchScore Score,
    int RootCauseSetCount,
    double MinGps,
    double Seconds,
    double ExternalThreshold,
    bool External,
    bool ExternalGroundTruth)
{
    /// <summary>The predicted combinations as text joined by <c>;</c>, or "" when there are none.</summary>
    public string RootCause => AttributeCombination.FormatSet(Predicted);
}
