using Rca.Detectors.Calibration;

namespace Rca.Server.Calibration;

/// <summary>
/// The drift decision of one model, <c>Calibration:Models:&lt;name&gt;:Drift</c>. A metric with a
/// configured band uses it, every other metric learns its band from recent mature windows.
/// </summary>
internal sealed class CalibrationDriftSettings
{
    /// <summary>A configured band for the overall calibration ratio <c>P / Y</c>; null learns it.</summary>
    public BandSettings? RatioBand { get; set; }

    /// <summary>Configured Field-RCE bands by field; fields not listed learn theirs.</summary>
    public Dictionary<string, BandSettings> FieldRceBands { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The <c>k</c> of a learned band, <c>median ± k·1.4826·MAD</c>. 4 by default.</summary>
    public double K { get; set; } = 4;

    /// <summary>The consecutive out-of-band windows that make a drift. 2 by default.</summary>
    public int ConsecutiveWindows { get; set; } = 2;

    /// <summary>The in-band mature windows a band is learned from. 14 by default.</summary>
    public int HistoryWindows { get; set; } = 14;

    /// <summary>The |z| above which a segment can be flagged. 4 by default.</summary>
    public double ZThreshold { get; set; } = 4;

    /// <summary>The relative error <c>|Y − P| / P</c> above which a segment can be flagged. 0.1 by default.</summary>
    public double MinEffectSize { get; set; } = 0.1;

    /// <summary>The ε of Field-RCE, in labels. 1 by default.</summary>
    public double Epsilon { get; set; } = CalibrationMetrics.DefaultEpsilon;

    /// <summary>Returns the detector options for a model with the given label delay.</summary>
    public CalibrationDriftOptions ToDetectorOptions(TimeSpan labelDelay) => new()
    {
        LabelDelay = labelDelay,
        ConsecutiveWindows = ConsecutiveWindows,
        HistoryWindows = HistoryWindows,
        MinHistoryWindows = HistoryWindows,
        BandWidth = K,
        FieldRceEpsilon = Epsilon,
        CalibrationRatioBand = RatioBand?.ToBand(),
        FieldRceBands = FieldRceBands.Count == 0 ? null : FieldRceBands.ToDictionary(pair => pair.Key, pair => pair.Value.ToBand(), StringComparer.Ordinal),
        SegmentTest = new SegmentTestOptions { ZThreshold = ZThreshold, MinRelativeError = MinEffectSize },
    };
}
