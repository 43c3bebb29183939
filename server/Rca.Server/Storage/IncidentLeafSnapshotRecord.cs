namespace Rca.Server.Storage;

/// <summary>
/// The leaf table of an incident's window (actual and forecast per leaf), stored when the
/// incident opens so drill-down works after the source has dropped the data.
/// </summary>
internal sealed class IncidentLeafSnapshotRecord
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public int LeafCount { get; set; }

    /// <summary>The table in the gzip-compressed JSON form of <c>LeafTableSnapshot</c>.</summary>
    public required byte[] Data { get; set; }

    /// <summary>Navigation used only to insert the snapshot in the same save as a new incident.</summary>
    public IncidentRecord? Incident { get; set; }
}
