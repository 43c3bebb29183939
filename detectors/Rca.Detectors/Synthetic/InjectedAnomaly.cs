using Rca.Detectors.Data;

namespace Rca.Detectors.Synthetic;

/// <summary>
/// One anomaly injected by <see cref="LabelledDatasetGenerator"/>: every descendant leaf of
/// <paramref name="Combination"/> has actual = forecast · <paramref name="Factor"/>. For a
/// derived measure the factor applies to the ratio: the denominator keeps its actual value.
/// </summary>
/// <param name="Combination">The root-cause attribute combination.</param>
/// <param name="Severity">The relative change, in (0, 1] for a drop.</param>
/// <param name="Direction">Up or down (never <see cref="AnomalyDirection.Random"/>).</param>
/// <param name="Factor">1 − severity for a drop, 1 + severity for a rise.</param>
/// <param name="LeafCount">The number of descendant leaves.</param>
public sealed record InjectedAnomaly(
    AttributeCombination Combination,
    double Severity,
    AnomalyDirection Direction,
    double Factor,
    int LeafCount);
