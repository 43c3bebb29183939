using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Server.Tests.Support;

/// <summary>
/// A test-only localizer that returns the root-cause sets the test gives it and keeps every leaf
/// table it received, so tests can check what the check job passed in.
/// </summary>
internal sealed class ScriptedLocalizer : IRootCauseLocalizer
{
    public List<LeafTable> Tables { get; } = [];

    public IReadOnlyList<RootCauseSet> Result { get; set; } = [];

    public LocalizationResult Localize(LeafTable table, CancellationToken cancellationToken = default)
    {
        Tables.Add(table);
        return new LocalizationResult(
            Result,
            table.LeafCount,
            table.LeafCount,
            Result.Count,
            DeviationHistogram.Empty,
            new LocalizationTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
    }

    /// <summary>Returns a one-combination set such as <c>region=eu</c>.</summary>
    public static RootCauseSet Set(string combination, double gps) => new(
        [AttributeCombination.Parse(combination)],
        [.. AttributeCombination.Parse(combination).Pairs.Select(pair => pair.Key)],
        gps,
        Rank: gps,
        ClusterMeanDeviation: -0.7,
        ExplanatoryPower: 0.9,
        Impact: 140,
        Actual: 0.4,
        Forecast: 0.06,
        ClusterLeafCount: 2);
}
