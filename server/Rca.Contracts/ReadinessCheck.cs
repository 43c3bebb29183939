namespace Rca.Contracts;

/// <summary>
/// The result of one readiness check.
/// </summary>
/// <param name="Name">The dependency: <c>influx:&lt;connection&gt;</c> (<c>influx:default</c> for the default connection) or <c>store</c>.</param>
/// <param name="Target">The InfluxDB URL without credentials, or the store's provider name.</param>
/// <param name="Status"><c>ok</c> or <c>failed</c>.</param>
/// <param name="Error">Why the check failed; null when it passed.</param>
/// <param name="DurationMilliseconds">How long the check took.</param>
public sealed record ReadinessCheck(string Name, string Target, string Status, string? Error, double DurationMilliseconds);
