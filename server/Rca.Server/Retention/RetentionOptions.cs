namespace Rca.Server.Retention;

/// <summary>Settings of the retention job, bound from the <c>Retention</c> section.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whether the daily retention job is scheduled; false removes the recurring job.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cron expression (UTC) of the retention job, daily at 03:30 by default.</summary>
    public string Schedule { get; set; } = "30 3 * * *";

    /// <summary>How long KPI check rows are kept after they were checked, 30 days by default.</summary>
    public TimeSpan Checks { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long resolved incidents are kept after their window start, 90 days by default.</summary>
    public TimeSpan ResolvedIncidents { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long calibration checks are kept after their window start, 90 days by default.</summary>
    public TimeSpan CalibrationChecks { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The rows deleted per statement and transaction, 1,000 by default.</summary>
    public int BatchSize { get; set; } = 1000;
}
