namespace Rca.Detectors.Calibration;

/// <summary>
/// One point of a label-completion curve: the share of labels that has arrived by an age.
/// </summary>
/// <param name="Age">The time since the impression.</param>
/// <param name="Fraction">The share of the impression's eventual labels that has arrived by then, in [0, 1].</param>
public readonly record struct LabelCompletionPoint(TimeSpan Age, double Fraction);
