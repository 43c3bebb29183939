namespace Rca.Server.Jobs;

/// <summary>
/// The result of checking one KPI window.
/// </summary>
/// <param name="Status">The stored status (<c>ok</c>, <c>anomalous</c>, <c>no_data</c>, <c>failed</c>), or that of the kept earlier check.</param>
/// <param name="Kept">Whether an earlier ok or anomalous check was kept and nothing ran.</param>
/// <param name="IncidentId">The incident of the window, if any.</param>
internal sealed record CheckOutcome(string Status, bool Kept, long? IncidentId);
