namespace Rca.Contracts;

/// <summary>
/// One status change of an incident.
/// </summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Actor">The API key name, or <c>webhook:&lt;source&gt;</c> when a resolved alert closed it.</param>
/// <param name="Comment">The comment sent with the change, or null.</param>
/// <param name="ChangedAt">When it changed (UTC).</param>
public sealed record IncidentStatusChangeDto(string From, string To, string Actor, string? Comment, DateTimeOffset ChangedAt);
