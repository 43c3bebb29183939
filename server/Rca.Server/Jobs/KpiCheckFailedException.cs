namespace Rca.Server.Jobs;

/// <summary>
/// The error raised after a failed check was recorded, so that the job is retried.
/// </summary>
internal sealed class KpiCheckFailedException(string kpi, DateTimeOffset windowStart, Exception cause)
    : Exception($"The check of KPI '{kpi}' for the window starting {windowStart:O} failed: {cause.Message}", cause);
