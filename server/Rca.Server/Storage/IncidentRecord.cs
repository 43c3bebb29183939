namespace Rca.Server.Storage;

/// <summary>
/// A stored incident: one anomalous KPI window and its localization; (KpiName, WindowStart) is unique.
/// </summary>
internal sealed class IncidentRecord
{
    public long Id { get; set; }

    public required string KpiName { get; set; }

    /// <summary>The window start, UTC.</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>The window end (exclusive), UTC.</summary>
    public DateTime WindowEnd { get; set; }

    public double Actual { get; set; }

    public double Forecast { get; set; }

    /// <summary><c>up</c> or <c>down</c>.</summary>
    public required string Direction { get; set; }

    public double RelativeChange { get; set; }

    public required string Trigger { get; set; }

    /// <summary><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</summary>
    public required string Status { get; set; }

    public int LeafCount { get; set; }

    /// <summary>The smallest GPS among the root-cause sets; null when there are none.</summary>
    public double? MinGps { get; set; }

    public double ExternalThreshold { get; set; }

    public bool External { get; set; }

    /// <summary>Every combination of every root-cause set, joined by <c>;</c>.</summary>
    public required string RootCause { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<RootCauseSetRecord> RootCauseSets { get; set; } = [];
}
