namespace Rca.Server.Sources;

/// <summary>
/// One InfluxDB endpoint and its credentials. Bound from <c>Influx</c> (the default connection)
/// and from <c>Influx:Connections:&lt;name&gt;</c>.
/// </summary>
/// <remarks>
/// Authentication is chosen by which settings are present: <see cref="Token"/> sends
/// <c>Authorization: Token &lt;token&gt;</c> (InfluxDB 2.x and 3.x, including their v1-compatible
/// <c>/query</c>), <see cref="Username"/> sends HTTP Basic authentication (InfluxDB 1.x with
/// <c>auth-enabled</c>), and neither sends no credentials. Setting both is invalid.
/// </remarks>
public sealed class InfluxConnectionOptions
{
    /// <summary>The base URL, for example <c>http://127.0.0.1:8086</c>; a path prefix is kept. Credentials do not belong in it.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8086";

    /// <summary>The user for HTTP Basic authentication; null sends none.</summary>
    public string? Username { get; set; }

    /// <summary>The password for HTTP Basic authentication.</summary>
    public string? Password { get; set; }

    /// <summary>The API token, sent as <c>Authorization: Token &lt;token&gt;</c>; null sends none.</summary>
    public string? Token { get; set; }

    /// <summary>The database (InfluxQL) or bucket (Flux) used when a KPI does not name one.</summary>
    public string? Database { get; set; }

    /// <summary>The organization for Flux queries (InfluxDB 2.x and Cloud); unused by InfluxQL.</summary>
    public string? Organization { get; set; }

    /// <summary>The time limit of one query or write request, 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Returns <see cref="Url"/> without user information, query or fragment, safe for messages and logs.</summary>
    public string DisplayUrl()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri))
        {
            return "(invalid URL)";
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
