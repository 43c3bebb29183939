using System.Globalization;
using Rca.Contracts;

namespace Rca.Web.Components.Shared;

/// <summary>
/// Shell commands that run an incident's check again: through the REST API, and in the
/// foreground with the server's <c>replay</c> verb.
/// </summary>
/// <param name="Curl">A curl call of <c>POST /api/v1/kpis/{name}/replay</c> over the incident's window.</param>
/// <param name="Replay">The <c>Rca.Server replay</c> command over the incident's window.</param>
internal sealed record ReproduceCommands(string Curl, string Replay)
{
    public static ReproduceCommands For(IncidentSummary incident, string baseUri)
    {
        var from = Iso(incident.WindowStart);
        var to = Iso(incident.WindowEnd);
        var kpi = Uri.EscapeDataString(incident.Kpi);
        var curl = $"curl -X POST -H \"X-Api-Key: $RCA_API_KEY\" \"{baseUri.TrimEnd('/')}/api/v1/kpis/{kpi}/replay?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}\"";
        var replay = $"dotnet Rca.Server.dll replay --kpi {Quote(incident.Kpi)} --from {from} --to {to}";
        return new ReproduceCommands(curl, replay);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Single quotes keep every character literal in POSIX shells; an embedded quote closes, escapes and reopens.
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
