using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Reads KPIs with InfluxQL through the v1 HTTP API (<c>POST /query</c>), which InfluxDB 1.x
/// serves natively and 2.x and 3.x serve for compatibility.
/// </summary>
/// <remarks>
/// The query runs with <c>chunked=true</c>, so the server streams the result in bounded chunks
/// and the reader merges a leaf's rows across chunks. Errors are raised as
/// <see cref="KpiSourceException"/>: a non-2xx status, a top-level <c>error</c> (a parse error
/// is HTTP 400) and a statement <c>error</c> (an unknown database is HTTP 200 with
/// <c>results[0].error</c> on 1.6.7).
/// </remarks>
public sealed class InfluxQlKpiSource : IKpiSource
{
    private readonly HttpClient _httpClient;
    private readonly IOptionsMonitor<InfluxOptions> _options;
    private readonly ILogger<InfluxQlKpiSource> _logger;

    /// <summary>Creates the source; <paramref name="httpClient"/> comes from the typed-client factory and carries no base address.</summary>
    public InfluxQlKpiSource(HttpClient httpClient, IOptionsMonitor<InfluxOptions> options, ILogger<InfluxQlKpiSource> logger)
    {
        _httpClient = httpClient;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    /// <exception cref="KpiSourceException">The connection is not configured, InfluxDB is unreachable or timed out, or it returned an error.</exception>
    /// <exception cref="ArgumentException">The KPI or the range is invalid (see <see cref="KpiDefinition"/>).</exception>
    public Task<KpiSeries> QueryAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReadAsync(kpi, from, to, totals: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>One query grouped by time only (<see cref="InfluxQlQueryBuilder.BuildTotalQuery"/>).</remarks>
    /// <exception cref="KpiSourceException">The connection is not configured, InfluxDB is unreachable or timed out, or it returned an error.</exception>
    /// <exception cref="ArgumentException">The KPI or the range is invalid (see <see cref="KpiDefinition"/>).</exception>
    public async Task<KpiTotals> QueryTotalsAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        KpiTotals.FromSeries(await ReadAsync(kpi, from, to, totals: true, cancellationToken).ConfigureAwait(false));

    // Reads the per-leaf sums, or with totals the per-window sums as a series of one leaf without attributes.
    private async Task<KpiSeries> ReadAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, bool totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        KpiDefinitionCheck.ThrowIfInvalid(kpi);
        var grid = KpiWindowGrid.Create(kpi.Interval, from, to);
        var connection = ResolveConnection(kpi);
        var database = string.IsNullOrEmpty(kpi.Source.Database) ? connection.Database : kpi.Source.Database;
        if (string.IsNullOrEmpty(database))
        {
            throw new KpiSourceException(kpi.Name, $"KPI '{kpi.Name}' names no database and connection '{kpi.Source.Connection ?? "default"}' has no default database.");
        }

        var query = totals
            ? InfluxQlQueryBuilder.BuildTotalQuery(kpi, database, kpi.Source.RetentionPolicy, grid)
            : InfluxQlQueryBuilder.BuildSumQuery(kpi, database, kpi.Source.RetentionPolicy, grid);
        IReadOnlyList<string> groupBy = totals ? [] : kpi.Attributes;
        var url = connection.DisplayUrl();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.Timeout);
        try
        {
            using var request = CreateRequest(connection, database, kpi.Source.RetentionPolicy, query);
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await InfluxHttp.ReadErrorBodyAsync(response, timeout.Token).ConfigureAwait(false);
                throw Failure(kpi, url, database, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {body}{AuthHint(response.StatusCode)}", null);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var series = await InfluxQlResponseReader.ReadAsync(stream, kpi, groupBy, grid, timeout.Token).ConfigureAwait(false);
            _logger.LogDebug("Read KPI {Kpi} from {Url}: {Leaves} leaves x {Windows} windows", kpi.Name, url, series.Leaves.Count, grid.Count);
            return series;
        }
        catch (InfluxQlResponseException exception)
        {
            throw Failure(kpi, url, database, exception.Message, exception);
        }
        catch (JsonException exception)
        {
            throw Failure(kpi, url, database, $"the response is not valid JSON ({exception.Message})", exception);
        }
        catch (HttpRequestException exception)
        {
            throw Failure(kpi, url, database, $"the request failed: {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(kpi, url, database, $"the query timed out after {connection.Timeout.TotalSeconds:0.###} s; raise the connection's Timeout or query a shorter range", exception);
        }
    }

    private InfluxConnectionOptions ResolveConnection(KpiDefinition kpi)
    {
        if (_options.CurrentValue.TryGetConnection(kpi.Source.Connection, out var connection))
        {
            return connection;
        }

        throw new KpiSourceException(kpi.Name, $"KPI '{kpi.Name}' uses InfluxDB connection '{kpi.Source.Connection}', which is not configured. Add it under {InfluxOptions.SectionName}:Connections:{kpi.Source.Connection}.");
    }

    private static HttpRequestMessage CreateRequest(InfluxConnectionOptions connection, string database, string? retentionPolicy, string query)
    {
        var fields = new List<KeyValuePair<string, string>>(6)
        {
            new("db", database),
            new("q", query),
            new("epoch", "ms"),
            new("chunked", "true"),
        };
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            fields.Add(new("rp", retentionPolicy));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, InfluxHttp.Endpoint(connection, "query"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        InfluxHttp.Authorize(request, connection);
        return request;
    }

    private static string AuthHint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ". Check the connection's Username and Password (InfluxDB 1.x) or Token (2.x, 3.x)",
        HttpStatusCode.Forbidden => ". The user lacks read permission on the database",
        _ => "",
    };

    private static KpiSourceException Failure(KpiDefinition kpi, string url, string database, string cause, Exception? inner) =>
        new(kpi.Name, $"Reading KPI '{kpi.Name}' from InfluxDB at {url} (database '{database}') failed: {cause}", inner);
}
