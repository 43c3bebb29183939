using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Evaluation;

/// <summary>Builds localizer results for evaluator tests.</summary>
internal static class LocalizationResults
{
    /// <summary>Returns a result with one root-cause set per (set text, GPS) pair.</summary>
    public static LocalizationResult Of(params (string Set, double Gps)[] sets)
    {
        var rootCauseSets = new List<RootCauseSet>();
        foreach (var (text, gps) in sets)
        {
            var combinations = AttributeCombination.ParseSet(text);
            var cuboid = combinations[0].Pairs.Select(pair => pair.Key).ToArray();
            rootCauseSets.Add(new RootCauseSet(combinations, cuboid, gps, gps, 0.5, 0.5, 1, 0, 1, 1));
        }

        var zero = TimeSpan.Zero;
        return new LocalizationResult(rootCauseSets, 0, 0, sets.Length, DeviationHistogram.Empty, new LocalizationTimings(zero, zero, zero, zero));
    }
}
