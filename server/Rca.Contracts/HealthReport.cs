namespace Rca.Contracts;

/// <summary>
/// The service health: <c>ok</c>, or <c>degraded</c> when the latest check of some KPI failed or found no data.
/// </summary>
/// <param name="Status">
/// <c>ok</c> or <c>degraded</c>; <c>unknown</c> when the store could not be read, and <c>stopping</c>
/// (with HTTP 503) while the host shuts down.
/// </param>
/// <param name="Sources">One entry per KPI source where the latest check of some KPI failed or found no data.</param>
public sealed record HealthReport(string Status, IReadOnlyList<SourceHealth> Sources);
