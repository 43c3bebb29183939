namespace Rca.Server.Kpis;

/// <summary>
/// Where the KPI definitions come from at start-up, bound from the <c>Kpis</c> configuration section.
/// </summary>
internal sealed class KpiSeedOptions
{
    public const string Section = "Kpis";

    /// <summary>
    /// The seed file; relative paths are resolved against the content root. When not set,
    /// <c>kpis.json</c> next to the application is read if it exists.
    /// </summary>
    public string? SeedFile { get; set; }
}
