using System.Text;

namespace Rca.Server.Demo;

/// <summary>
/// Writes line protocol to an InfluxDB 1.x HTTP endpoint (<c>/query</c> to create the database,
/// <c>/write</c> for points with second precision).
/// </summary>
// NOTE: a minimal writer for the demo only; it can be replaced by the line-protocol writer that
// ships with the KPI sources.
internal sealed class InfluxLineWriter(HttpClient http)
{
    private const int BatchSize = 5000;

    public async Task CreateDatabaseAsync(Uri baseUrl, string database, CancellationToken cancellationToken)
    {
        var quoted = "\"" + database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        using var content = new FormUrlEncodedContent([new("q", "CREATE DATABASE " + quoted)]);
        using var response = await http.PostAsync(new Uri(baseUrl, "query"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new HttpRequestException($"CREATE DATABASE {quoted} on {baseUrl} failed with HTTP {(int)response.StatusCode}: {body}");
        }
    }

    public async Task WriteAsync(Uri baseUrl, string database, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl, $"write?db={Uri.EscapeDataString(database)}&precision=s");
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            var batch = string.Join('\n', lines.Skip(start).Take(BatchSize));
            using var content = new StringContent(batch, Encoding.UTF8, "text/plain");
            using var response = await http.PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException($"Writing {lines.Count} points to {url} failed with HTTP {(int)response.StatusCode}: {body}");
            }
        }
    }
}
