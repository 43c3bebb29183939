using Rca.Detectors.Localization;

namespace Rca.Detectors.Calibration;

/// <summary>
/// Options of <see cref="CalibrationFileCheck"/>.
/// </summary>
public sealed record CalibrationFileCheckOptions
{
    /// <summary>The layout of the file; null detects it from the header.</summary>
    public CalibrationFileFormat? Format { get; init; }

    /// <summary>
    /// The fields to check, a subset of the file's field columns; null or empty checks every field.
    /// Rows are summed over the fields left out.
    /// </summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>The ε of Field-RCE, in labels. The default is 1.</summary>
    public double FieldRceEpsilon { get; init; } = CalibrationMetrics.DefaultEpsilon;

    /// <summary>The number of equal-width prediction buckets raw predictions are grouped into. The default is 10.</summary>
    public int BucketCount { get; init; } = 10;

    /// <summary>The z-test of segments and field values.</summary>
    public SegmentTestOptions SegmentTest { get; init; } = new();

    /// <summary>The localizer options; the default lowers PSqueeze's normal-deviation threshold to 0.05, as <see cref="CalibrationDriftOptions.Localizer"/> does.</summary>
    public PSqueezeOptions Localizer { get; init; } = new() { NormalDeviationThreshold = 0.05 };

    /// <summary>Leaves with fewer predicted labels than this are left out of localization. The default is 20.</summary>
    public double MinLeafPredictionSum { get; init; } = MiscalibratedSegmentLocalizer.DefaultMinLeafPredictionSum;
}
