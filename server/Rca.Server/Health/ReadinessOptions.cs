namespace Rca.Server.Health;

/// <summary>Settings of <c>GET /readyz</c>, bound from the <c>Readiness</c> section.</summary>
internal sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    /// <summary>The time limit of each check (one InfluxDB ping, the store query), 2 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
