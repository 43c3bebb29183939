namespace Rca.Contracts;

/// <summary>
/// What the service did with one received alert.
/// </summary>
/// <param name="Fingerprint">The alert fingerprint.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Kpi">The KPI from the alert's label, or null.</param>
/// <param name="WindowStart">The KPI window the alert maps to (UTC), or null.</param>
/// <param name="Outcome"><c>queued</c>, <c>duplicate</c>, <c>ignored</c>, <c>resolved</c>, <c>opened</c>, <c>normal</c> or <c>failed</c>.</param>
/// <param name="Reason">Why it was ignored or failed; null otherwise.</param>
/// <param name="IncidentId">The incident it opened or resolved, if any.</param>
public sealed record AlertOutcomeDto(
    string Fingerprint,
    string Status,
    string? Kpi,
    DateTimeOffset? WindowStart,
    string Outcome,
    string? Reason,
    long? IncidentId);
