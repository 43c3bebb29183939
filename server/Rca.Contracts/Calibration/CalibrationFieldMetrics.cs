namespace Rca.Contracts.Calibration;

/// <summary>
/// The calibration errors of one field in one check.
/// </summary>
/// <param name="Field">The field (tag) name.</param>
/// <param name="FieldEce">Field-ECE, <c>(1/N)·Σ_z |Y_z − P_z|</c>.</param>
/// <param name="FieldRce">Field-RCE, <c>(1/N)·Σ_z N_z·|Y_z − P_z| / (Y_z + ε)</c>.</param>
/// <param name="Band">The Field-RCE band; null when none was configured or could be learned, and for uploads.</param>
/// <param name="OutOfBand">Whether Field-RCE is above its band.</param>
public sealed record CalibrationFieldMetrics(string Field, double FieldEce, double FieldRce, MetricBandDto? Band, bool OutOfBand);
