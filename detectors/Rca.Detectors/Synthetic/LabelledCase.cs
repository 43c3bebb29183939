using Rca.Detectors.Data;

namespace Rca.Detectors.Synthetic;

/// <summary>
/// One generated case: the leaf table and the anomalies injected into it.
/// </summary>
/// <param name="Table">The fundamental leaf table.</param>
/// <param name="Anomalies">The injected anomalies, in the order they were drawn.</param>
public sealed record LabelledCase(LeafTable Table, IReadOnlyList<InjectedAnomaly> Anomalies)
{
    /// <summary>The root-cause combinations in canonical order: the ground truth of the case.</summary>
    public IReadOnlyList<AttributeCombination> GroundTruth =>
        [.. Anomalies.Select(anomaly => anomaly.Combination).Order()];
}
