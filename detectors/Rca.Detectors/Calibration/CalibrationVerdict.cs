namespace Rca.Detectors.Calibration;

/// <summary>
/// The drift verdict of one window, with the metrics and bands it was based on.
/// </summary>
/// <param name="State">The state of the window.</param>
/// <param name="Checks">The calibration ratio and each field's Field-RCE against their bands.</param>
/// <param name="ConsecutiveOutOfBand">The number of consecutive judged windows up to this one with a metric out of band.</param>
/// <param name="HistoryWindowCount">The number of in-band mature windows the learned bands were computed from.</param>
public sealed record CalibrationVerdict(
    CalibrationState State,
    IReadOnlyList<BandCheck> Checks,
    int ConsecutiveOutOfBand,
    int HistoryWindowCount)
{
    /// <summary>The checks whose metric left its band.</summary>
    public IReadOnlyList<BandCheck> OutOfBand => [.. Checks.Where(check => check.OutOfBand)];
}
