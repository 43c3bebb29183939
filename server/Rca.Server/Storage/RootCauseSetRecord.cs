namespace Rca.Server.Storage;

/// <summary>
/// One stored root-cause set of an incident.
/// </summary>
internal sealed class RootCauseSetRecord
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    /// <summary>The position among the incident's sets, from 0, by descending impact.</summary>
    public int Position { get; set; }

    /// <summary>The combinations in canonical text, joined by <c>;</c>.</summary>
    public required string Combinations { get; set; }

    /// <summary>The cuboid's attribute names joined by <c>,</c>.</summary>
    public required string Cuboid { get; set; }

    public int Layer { get; set; }

    public double Gps { get; set; }

    public double RankScore { get; set; }

    public double ClusterMeanDeviation { get; set; }

    public double ExplanatoryPower { get; set; }

    public double Impact { get; set; }

    public double Actual { get; set; }

    public double Forecast { get; set; }

    public int ClusterLeafCount { get; set; }
}
