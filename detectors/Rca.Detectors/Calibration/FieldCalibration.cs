namespace Rca.Detectors.Calibration;

/// <summary>
/// The calibration of one field: Field-ECE, Field-RCE and the totals per value.
/// </summary>
/// <param name="Field">The field name.</param>
/// <param name="FieldEce">Field-ECE, <c>(1/N)·Σ_z |Y_z − P_z|</c>.</param>
/// <param name="FieldRce">Field-RCE, <c>(1/N)·Σ_z N_z·|Y_z − P_z| / (Y_z + ε)</c>.</param>
/// <param name="Values">The totals per value, in ordinal order of the values.</param>
public sealed record FieldCalibration(
    string Field,
    double FieldEce,
    double FieldRce,
    IReadOnlyList<FieldValueCalibration> Values);
