using System.Text;

namespace Rca.Server.Sources;

/// <summary>
/// Writes line protocol to an InfluxDB 1.x-compatible endpoint (<c>POST /write</c>) and creates
/// databases (<c>POST /query</c>). Used by the demo loader and the tests.
/// </summary>
public sealed class InfluxWriteClient
{
    /// <summary>The number of lines sent in one request unless the caller chooses otherwise.</summary>
    public const int DefaultBatchSize = 5_000;

    private readonly HttpClient _httpClient;
    private readonly InfluxConnectionOptions _connection;

    /// <summary>Creates a client for one connection.</summary>
    /// <param name="httpClient">The client used for requests; its base address and timeout are not used.</param>
    /// <param name="connection">The endpoint, credentials and request timeout.</param>
    public InfluxWriteClient(HttpClient httpClient, InfluxConnectionOptions connection)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(connection);
        _httpClient = httpClient;
        _connection = connection;
    }

    /// <summary>Creates a database; succeeds when it already exists.</summary>
    /// <exception cref="InvalidOperationException">InfluxDB returned an error; the message names the database, URL and error.</exception>
    /// <exception cref="HttpRequestException">InfluxDB could not be reached.</exception>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        var query = "CREATE DATABASE " + InfluxQlQueryBuilder.QuoteIdentifier(database);
        using var request = new HttpRequestMessage(HttpMethod.Post, InfluxHttp.Endpoint(_connection, "query"))
        {
            Content = new FormUrlEncodedContent([new("q", query)]),
        };
        await SendAsync(request, $"Creating database '{database}'", checkStatementError: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes lines (without trailing newlines) with millisecond timestamps, in batches of
    /// <paramref name="batchSize"/> lines per request.
    /// </summary>
    /// <returns>The number of lines written.</returns>
    /// <exception cref="InvalidOperationException">InfluxDB rejected a batch; the message names the database, URL and error, and earlier batches stay written.</exception>
    /// <exception cref="HttpRequestException">InfluxDB could not be reached.</exception>
    public async Task<int> WriteAsync(string database, IEnumerable<string> lines, CancellationToken cancellationToken, string? retentionPolicy = null, int batchSize = DefaultBatchSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var batch = new StringBuilder();
        var inBatch = 0;
        var written = 0;
        foreach (var line in lines)
        {
            batch.Append(line).Append('\n');
            inBatch++;
            if (inBatch == batchSize)
            {
                await WriteBatchAsync(database, retentionPolicy, batch.ToString(), cancellationToken).ConfigureAwait(false);
                written += inBatch;
                batch.Clear();
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            await WriteBatchAsync(database, retentionPolicy, batch.ToString(), cancellationToken).ConfigureAwait(false);
            written += inBatch;
        }

        return written;
    }

    private async Task WriteBatchAsync(string database, string? retentionPolicy, string body, CancellationToken cancellationToken)
    {
        var path = "write?db=" + Uri.EscapeDataString(database) + "&precision=ms";
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            path += "&rp=" + Uri.EscapeDataString(retentionPolicy);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, InfluxHttp.Endpoint(_connection, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
        };
        await SendAsync(request, $"Writing to database '{database}'", checkStatementError: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpRequestMessage request, string action, bool checkStatementError, CancellationToken cancellationToken)
    {
        InfluxHttp.Authorize(request, _connection);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connection.Timeout);
        using var response = await _httpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
        var body = await InfluxHttp.ReadErrorBodyAsync(response, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{action} at {_connection.DisplayUrl()} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        }

        // A statement error comes back as HTTP 200 with results[0].error.
        if (checkStatementError && body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{action} at {_connection.DisplayUrl()} failed: {body}");
        }
    }
}
