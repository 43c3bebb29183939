namespace Rca.Server.Demo;

/// <summary>
/// The demo loader's settings, bound from the <c>Demo</c> configuration section.
/// </summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Whether the demo series are written and replayed at start-up.</summary>
    public bool Enabled { get; set; }

    /// <summary>The InfluxDB 1.x HTTP endpoint the series are written to.</summary>
    public string InfluxUrl { get; set; } = "http://127.0.0.1:8086";

    /// <summary>The InfluxDB database; the demo KPIs read from the same name.</summary>
    public string Database { get; set; } = "rca_demo";

    /// <summary>The time between the ends of two consecutive cases.</summary>
    public TimeSpan Gap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long before start-up the last case ends.</summary>
    public TimeSpan EndBefore { get; set; } = TimeSpan.FromMinutes(5);
}
