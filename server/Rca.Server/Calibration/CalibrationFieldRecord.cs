namespace Rca.Server.Calibration;

/// <summary>The Field-ECE and Field-RCE of one field in one calibration check, with the Field-RCE band.</summary>
internal sealed class CalibrationFieldRecord
{
    public long Id { get; set; }

    public long CheckId { get; set; }

    /// <summary>The field's position in the model's configured fields.</summary>
    public int Position { get; set; }

    public required string Field { get; set; }

    public double FieldEce { get; set; }

    public double FieldRce { get; set; }

    public double? BandLower { get; set; }

    public double? BandUpper { get; set; }

    public bool BandLearned { get; set; }

    public bool OutOfBand { get; set; }
}
