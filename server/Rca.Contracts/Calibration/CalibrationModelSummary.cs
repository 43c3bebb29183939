namespace Rca.Contracts.Calibration;

/// <summary>
/// A configured calibration model with its latest judged check.
/// </summary>
/// <param name="Name">The configured model name.</param>
/// <param name="Measurement">The InfluxDB measurement with the aggregates.</param>
/// <param name="ModelTag">The tag that contains the model name.</param>
/// <param name="ModelValue">The value of the model tag whose rows are checked.</param>
/// <param name="Fields">The field tags.</param>
/// <param name="BucketTag">The bucket tag; null when the rows have no buckets.</param>
/// <param name="WindowSeconds">The window length in seconds.</param>
/// <param name="LabelDelaySeconds">The label delay in seconds.</param>
/// <param name="Schedule">The cron expression of the recurring check.</param>
/// <param name="Enabled">Whether the recurring check runs.</param>
/// <param name="Channels">The notification channels of a drift.</param>
/// <param name="LatestCheck">The check of the latest mature window; null before the first one.</param>
public sealed record CalibrationModelSummary(
    string Name,
    string Measurement,
    string ModelTag,
    string ModelValue,
    IReadOnlyList<string> Fields,
    string? BucketTag,
    double WindowSeconds,
    double LabelDelaySeconds,
    string Schedule,
    bool Enabled,
    IReadOnlyList<string> Channels,
    CalibrationCheckSummary? LatestCheck);
