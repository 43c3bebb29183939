using Rca.Server.Notifications;

namespace Rca.Server.Calibration;

/// <summary>
/// Sends calibration drifts through the notification outbox: adds one <c>calibration.drifted</c>
/// message per receiving channel to the job's database context, so the check and its messages
/// are committed by the same save, and logs each drift.
/// </summary>
internal sealed class OutboxCalibrationNotifier(NotificationOutbox outbox, ILogger<OutboxCalibrationNotifier> logger) : ICalibrationNotifier
{
    public Task NotifyDriftedAsync(CalibrationDriftNotice notice, CancellationToken cancellationToken)
    {
        var check = notice.Check;
        var queued = outbox.AddCalibrationDrifted(notice.Model, notice.Channels, check);
        logger.LogWarning(
            "Calibration of model {Model} drifted in the window starting {WindowStart:O}: calibration ratio {Ratio}, segments {Segments}; {Messages} notifications queued",
            notice.Model,
            new DateTimeOffset(check.WindowStart, TimeSpan.Zero),
            check.CalibrationRatio,
            check.SegmentSummary.Length == 0 ? "(none)" : check.SegmentSummary,
            queued);
        return Task.CompletedTask;
    }
}
