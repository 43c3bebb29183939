using System.Collections.Concurrent;
using InfluxDB.Client;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Options;
using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Reads KPIs with Flux through InfluxDB.Client (InfluxDB 2.x and Cloud; the bucket is
/// <see cref="KpiSourceOptions.Database"/>).
/// </summary>
/// <remarks>
/// NOTE: this path has not run against a real InfluxDB 2.x server, because none is available to
/// the tests (InfluxDB 1.6.7 returns 404 for <c>/api/v2/query</c>). Its tests cover the query
/// text, the escaping and the mapping of Flux tables parsed from annotated CSV by the client
/// library's own parser. Authentication uses the connection's token, or username and password
/// (a session sign-in), or none.
/// </remarks>
public sealed class FluxKpiSource : IKpiSource, IDisposable
{
    private readonly IOptionsMonitor<InfluxOptions> _options;
    private readonly ConcurrentDictionary<string, InfluxDBClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the source; clients are created per connection on first use.</summary>
    public FluxKpiSource(IOptionsMonitor<InfluxOptions> options)
    {
        _options = options;
    }

    /// <inheritdoc />
    /// <exception cref="KpiSourceException">The connection is not configured, InfluxDB is unreachable or timed out, or it returned an error.</exception>
    public async Task<KpiSeries> QueryAsync(KpiDefinition kpi, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        KpiDefinitionCheck.ThrowIfInvalid(kpi);
        var grid = KpiWindowGrid.Create(kpi.Interval, from, to);
        var connectionName = kpi.Source.Connection ?? "";
        if (!_options.CurrentValue.TryGetConnection(connectionName, out var connection))
        {
            throw new KpiSourceException(kpi.Name, $"KPI '{kpi.Name}' uses InfluxDB connection '{connectionName}', which is not configured. Add it under {InfluxOptions.SectionName}:Connections:{connectionName}.");
        }

        var bucket = string.IsNullOrEmpty(kpi.Source.Database) ? connection.Database : kpi.Source.Database;
        if (string.IsNullOrEmpty(bucket))
        {
            throw new KpiSourceException(kpi.Name, $"KPI '{kpi.Name}' names no bucket and its connection has no default database.");
        }

        var query = FluxQueryBuilder.BuildSumQuery(kpi, bucket, grid);
        var url = connection.DisplayUrl();
        var client = _clients.GetOrAdd(connectionName, _ => CreateClient(connection));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.Timeout);
        try
        {
            var tables = await client.GetQueryApi().QueryAsync(query, connection.Organization, timeout.Token).ConfigureAwait(false);
            return FluxSeriesReader.Read(tables, kpi, grid);
        }
        catch (InfluxException exception)
        {
            throw Failure(kpi, url, bucket, $"HTTP {exception.Status}: {exception.Message}", exception);
        }
        catch (InfluxQlResponseException exception)
        {
            throw Failure(kpi, url, bucket, exception.Message, exception);
        }
        catch (HttpRequestException exception)
        {
            throw Failure(kpi, url, bucket, $"the request failed: {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(kpi, url, bucket, $"the query timed out after {connection.Timeout.TotalSeconds:0.###} s", exception);
        }
    }

    /// <summary>Disposes the clients created so far.</summary>
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }

    private static InfluxDBClient CreateClient(InfluxConnectionOptions connection)
    {
        var builder = InfluxDBClientOptions.Builder.CreateNew()
            .Url(connection.Url)
            .TimeOut(connection.Timeout);
        if (!string.IsNullOrEmpty(connection.Token))
        {
            builder.AuthenticateToken(connection.Token);
        }
        else if (!string.IsNullOrEmpty(connection.Username))
        {
            builder.Authenticate(connection.Username, (connection.Password ?? "").ToCharArray());
        }

        if (!string.IsNullOrEmpty(connection.Organization))
        {
            builder.Org(connection.Organization);
        }

        return new InfluxDBClient(builder.Build());
    }

    private static KpiSourceException Failure(KpiDefinition kpi, string url, string bucket, string cause, Exception inner) =>
        new(kpi.Name, $"Reading KPI '{kpi.Name}' from InfluxDB at {url} (bucket '{bucket}') with Flux failed: {cause}", inner);
}
