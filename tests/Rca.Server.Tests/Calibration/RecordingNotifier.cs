using Rca.Server.Calibration;

namespace Rca.Server.Tests.Calibration;

/// <summary>Records every drift the check job reports, with the window and segments as they were at that time.</summary>
internal sealed class RecordingNotifier : ICalibrationNotifier
{
    private readonly List<(string Model, DateTime WindowStart, string Segments, IReadOnlyList<string> Channels)> _notices = [];

    public IReadOnlyList<(string Model, DateTime WindowStart, string Segments, IReadOnlyList<string> Channels)> Notices
    {
        get
        {
            lock (_notices)
            {
                return [.. _notices];
            }
        }
    }

    public Task NotifyDriftedAsync(CalibrationDriftNotice notice, CancellationToken cancellationToken)
    {
        lock (_notices)
        {
            _notices.Add((notice.Model, notice.Check.WindowStart, notice.Check.SegmentSummary, notice.Channels));
        }

        return Task.CompletedTask;
    }
}
