using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// True positives, false positives and false negatives of a prediction, with the precision,
/// recall and F1 derived from them. Scores add up, so totals over cases are micro-averaged.
/// </summary>
/// <remarks>
/// Empty denominators: precision is 1 when nothing was predicted and nothing was missed
/// (TP + FP = 0 and FN = 0), else 0 when TP + FP = 0. Recall is 1 when there was nothing to
/// find and nothing was predicted wrongly (TP + FN = 0 and FP = 0), else 0 when TP + FN = 0.
/// F1 = 2·TP / (2·TP + FP + FN) is 1 when all three counts are 0. So a case with no root
/// cause and no prediction scores 1 on all three, and one with predictions but no truth
/// scores 0.
/// </remarks>
/// <param name="TruePositives">Predictions that are in the ground truth.</param>
/// <param name="FalsePositives">Predictions that are not in the ground truth.</param>
/// <param name="FalseNegatives">Ground-truth items that were not predicted.</param>
public readonly record struct MatchScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP), with the empty case as documented on the type.</summary>
    public double Precision => TruePositives + FalsePositives == 0
        ? (FalseNegatives == 0 ? 1 : 0)
        : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN), with the empty case as documented on the type.</summary>
    public double Recall => TruePositives + FalseNegatives == 0
        ? (FalsePositives == 0 ? 1 : 0)
        : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>2·TP / (2·TP + FP + FN), or 1 when all counts are 0.</summary>
    public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0
        ? 1
        : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Adds the counts of two scores.</summary>
    public static MatchScore operator +(MatchScore left, MatchScore right) => new(
        left.TruePositives + right.TruePositives,
        left.FalsePositives + right.FalsePositives,
        left.FalseNegatives + right.FalseNegatives);

    /// <summary>
    /// Scores predicted combinations against the ground truth by exact match of canonical
    /// combinations (pairs sorted by attribute); repeats on either side count once.
    /// </summary>
    public static MatchScore ExactMatch(IEnumerable<AttributeCombination> predicted, IEnumerable<AttributeCombination> truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        var predictedSet = new HashSet<AttributeCombination>(predicted);
        var truthSet = new HashSet<AttributeCombination>(truth);
        var truePositives = 0;
        foreach (var combination in predictedSet)
        {
            if (truthSet.Contains(combination))
            {
                truePositives++;
            }
        }

        return new MatchScore(truePositives, predictedSet.Count - truePositives, truthSet.Count - truePositives);
    }

    /// <summary>Scores one binary decision: a positive prediction and a positive truth give a true positive.</summary>
    public static MatchScore Binary(bool predicted, bool truth) => new(
        predicted && truth ? 1 : 0,
        predicted && !truth ? 1 : 0,
        !predicted && truth ? 1 : 0);
}
