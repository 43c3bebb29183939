using Rca.Detectors.Localization;

namespace Rca.Detectors.Calibration;

/// <summary>
/// The miscalibrated segments of one window.
/// </summary>
/// <param name="Segments">
/// The localizer's segments that pass the z-test, by descending |z|: the reported miscalibrated segments.
/// </param>
/// <param name="Rejected">The localizer's segments that fail the z-test, kept for inspection and not reported as miscalibrated.</param>
/// <param name="Localization">The localizer's full result on the window's leaves.</param>
public sealed record SegmentLocalization(
    IReadOnlyList<MiscalibratedSegment> Segments,
    IReadOnlyList<MiscalibratedSegment> Rejected,
    LocalizationResult Localization);
