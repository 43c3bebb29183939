namespace Rca.Detectors.Synthetic.Calibration;

/// <summary>
/// A field of a generated calibration stream: its name and number of values. Values are named
/// <c>{name}_{i}</c> with <c>i</c> from 0.
/// </summary>
/// <param name="Name">The field (tag) name.</param>
/// <param name="ValueCount">The number of distinct values; at least 1.</param>
public sealed record CalibrationField(string Name, int ValueCount);
