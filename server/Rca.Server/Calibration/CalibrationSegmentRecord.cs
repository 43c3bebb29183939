namespace Rca.Server.Calibration;

/// <summary>A miscalibrated segment of a drifted calibration check, found on the pooled out-of-band windows.</summary>
internal sealed class CalibrationSegmentRecord
{
    public long Id { get; set; }

    public long CheckId { get; set; }

    /// <summary>The rank by descending |z|, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The field values, such as <c>site=site_2&amp;device=mobile</c>.</summary>
    public required string Segment { get; set; }

    public int Layer { get; set; }

    public double Impressions { get; set; }

    public double Labels { get; set; }

    public double PredictionSum { get; set; }

    public double Z { get; set; }

    public double RelativeError { get; set; }
}
