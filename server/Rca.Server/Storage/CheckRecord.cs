namespace Rca.Server.Storage;

/// <summary>
/// The record of one check of one KPI window; (KpiName, WindowStart) is unique.
/// </summary>
internal sealed class CheckRecord
{
    public long Id { get; set; }

    public required string KpiName { get; set; }

    /// <summary>The window start, UTC.</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>One of <see cref="CheckStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>One of <see cref="CheckTrigger"/>.</summary>
    public required string Trigger { get; set; }

    public string? Error { get; set; }

    public int Attempts { get; set; }

    public int LeafCount { get; set; }

    public double? Actual { get; set; }

    public double? Forecast { get; set; }

    public long? IncidentId { get; set; }

    public double QueryMilliseconds { get; set; }

    public double ForecastMilliseconds { get; set; }

    public double DetectMilliseconds { get; set; }

    public double LocalizeMilliseconds { get; set; }

    public double StoreMilliseconds { get; set; }

    public double TotalMilliseconds { get; set; }

    /// <summary>The name of the server that ran the check (<c>Server:Name</c>); null for checks stored before it was recorded.</summary>
    public string? Server { get; set; }

    /// <summary>When the check finished, UTC.</summary>
    public DateTime CheckedAt { get; set; }
}
