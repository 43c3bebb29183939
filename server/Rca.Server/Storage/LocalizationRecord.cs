namespace Rca.Server.Storage;

/// <summary>
/// An ad-hoc localization that runs in the background: an uploaded leaf table above the
/// synchronous size limit, or a KPI window read from its source.
/// </summary>
internal sealed class LocalizationRecord
{
    public long Id { get; set; }

    /// <summary><c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The KPI of a window localization; null for an upload.</summary>
    public string? KpiName { get; set; }

    /// <summary>The window start of a window localization, UTC.</summary>
    public DateTime? WindowStart { get; set; }

    public int LeafCount { get; set; }

    /// <summary>The uploaded table as a gzip-compressed snapshot; cleared when the run finishes.</summary>
    public byte[]? Input { get; set; }

    /// <summary>The result as JSON once the run succeeded.</summary>
    public string? ResultJson { get; set; }

    public string? Error { get; set; }

    /// <summary>The name of the API key that asked for it.</summary>
    public required string RequestedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
