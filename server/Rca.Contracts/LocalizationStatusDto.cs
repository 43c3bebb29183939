namespace Rca.Contracts;

/// <summary>
/// A background localization and, once it succeeded, its result.
/// </summary>
/// <param name="Id">The localization id.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Kpi">The KPI of a window localization; null for an upload.</param>
/// <param name="WindowStart">The window of a window localization (UTC); null for an upload.</param>
/// <param name="LeafCount">The leaves of an upload; 0 until a window was read.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="Result">The result once it succeeded.</param>
/// <param name="CreatedAt">When it was requested (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC), or null.</param>
public sealed record LocalizationStatusDto(
    long Id,
    string Status,
    string? Kpi,
    DateTimeOffset? WindowStart,
    int LeafCount,
    string? Error,
    LocalizationResultDto? Result,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
