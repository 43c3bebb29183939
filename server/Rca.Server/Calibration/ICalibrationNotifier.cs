namespace Rca.Server.Calibration;

/// <summary>
/// Sends a calibration drift to the model's channels.
/// </summary>
/// <remarks>
/// The check job calls it once per mature window whose verdict is <c>drifted</c>, before it saves
/// the check, in the same dependency-injection scope. The check record in the notice is tracked
/// by that scope's <see cref="Storage.RcaDbContext"/>. Its Id is 0 for a window stored for the
/// first time, and set for an immature row that has just matured. <see cref="OutboxCalibrationNotifier"/>
/// adds its messages to the same context, so the check and its messages are committed by one
/// SaveChanges. A retried run never calls it again for a window already stored as mature.
/// </remarks>
internal interface ICalibrationNotifier
{
    Task NotifyDriftedAsync(CalibrationDriftNotice notice, CancellationToken cancellationToken);
}
