namespace Rca.Contracts;

/// <summary>
/// The readiness of the service to run checks: every InfluxDB connection responds to its ping and
/// the incident store responds to a query.
/// </summary>
/// <param name="Status"><c>ready</c>, <c>not_ready</c> when a check failed, or <c>stopping</c> while the host shuts down.</param>
/// <param name="Checks">One entry per InfluxDB connection and one for the store, in that order.</param>
public sealed record ReadinessReport(string Status, IReadOnlyList<ReadinessCheck> Checks);
