namespace Rca.Server.Calibration;

/// <summary>
/// Writes each calibration drift to the log.
/// </summary>
// NOTE: drifts reach no chat channel yet; the notification outbox replaces this registration.
internal sealed class LoggingCalibrationNotifier(ILogger<LoggingCalibrationNotifier> logger) : ICalibrationNotifier
{
    public Task NotifyDriftedAsync(CalibrationDriftNotice notice, CancellationToken cancellationToken)
    {
        var check = notice.Check;
        logger.LogWarning(
            "Calibration of model {Model} drifted in the window starting {WindowStart:O}: calibration ratio {Ratio}, segments {Segments}; channels {Channels}",
            notice.Model,
            new DateTimeOffset(check.WindowStart, TimeSpan.Zero),
            check.CalibrationRatio,
            check.SegmentSummary.Length == 0 ? "(none)" : check.SegmentSummary,
            notice.Channels.Count == 0 ? "(none)" : string.Join(", ", notice.Channels));
        return Task.CompletedTask;
    }
}
