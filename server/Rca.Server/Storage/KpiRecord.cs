namespace Rca.Server.Storage;

/// <summary>
/// A stored KPI definition. The definition itself is kept as JSON so that new options need no
/// schema change; the columns beside it are the ones queries filter on.
/// </summary>
internal sealed class KpiRecord
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string DefinitionJson { get; set; }

    public bool Enabled { get; set; }

    public DateTime UpdatedAt { get; set; }
}
