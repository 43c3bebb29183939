namespace Rca.Server.Sources;

/// <summary>
/// The InfluxDB connections KPIs are read through: the default one, bound from the
/// <c>Influx</c> section itself, and named ones under <c>Influx:Connections</c>.
/// </summary>
/// <example>
/// <code>
/// "Influx": {
///   "Url": "http://127.0.0.1:8086", "Database": "kpi",
///   "Connections": { "cloud": { "Url": "https://influx.example", "Token": "...", "Organization": "ops" } }
/// }
/// </code>
/// </example>
public sealed class InfluxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Influx";

    /// <summary>The connection used by KPIs whose source names none.</summary>
    public InfluxConnectionOptions Default { get; set; } = new();

    /// <summary>Named connections, compared case-insensitively.</summary>
    public Dictionary<string, InfluxConnectionOptions> Connections { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the named connection, or <see cref="Default"/> when <paramref name="name"/> is null or empty.
    /// </summary>
    /// <returns>False when a name is given but not configured.</returns>
    public bool TryGetConnection(string? name, out InfluxConnectionOptions connection)
    {
        if (string.IsNullOrEmpty(name))
        {
            connection = Default;
            return true;
        }

        return Connections.TryGetValue(name, out connection!);
    }
}
