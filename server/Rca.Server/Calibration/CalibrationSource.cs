using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rca.Detectors.Calibration;
using Rca.Server.Sources;

namespace Rca.Server.Calibration;

/// <summary>
/// Reads a model's calibration windows from InfluxDB with InfluxQL over the v1 HTTP API
/// (<c>POST /query</c>, chunked), one <see cref="CalibrationWindow"/> per window that has points.
/// </summary>
internal sealed class CalibrationSource(HttpClient httpClient, IOptionsMonitor<InfluxOptions> influx, ILogger<CalibrationSource> logger)
{
    /// <summary>Reads the windows that start in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    /// <exception cref="CalibrationSourceException">InfluxDB is unreachable, timed out, returned an error, or returned invalid aggregates.</exception>
    public async Task<IReadOnlyList<CalibrationWindow>> ReadAsync(
        string modelName, CalibrationModelOptions model, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!influx.CurrentValue.TryGetConnection(model.Connection, out var connection))
        {
            throw new CalibrationSourceException($"Calibration model '{modelName}' uses InfluxDB connection '{model.Connection}', which is not configured.");
        }

        var database = string.IsNullOrEmpty(model.Database) ? connection.Database! : model.Database;
        var query = CalibrationQuery.Build(model, database, from, to);
        var url = connection.DisplayUrl();
        string Context(string cause) => $"Reading calibration model '{modelName}' from InfluxDB at {url} (database '{database}') failed: {cause}";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.Timeout);
        try
        {
            using var request = CreateRequest(connection, database, model.RetentionPolicy, query);
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var body = await InfluxHttp.ReadErrorBodyAsync(response, timeout.Token);
                var hint = response.StatusCode == HttpStatusCode.Unauthorized ? ". Check the connection's Username and Password or Token" : "";
                throw new CalibrationSourceException(Context($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {body}{hint}"));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var windows = await CalibrationResponseReader.ReadAsync(stream, model, modelName, timeout.Token);
            logger.LogDebug("Read calibration model {Model} from {Url}: {Windows} windows from {From:O} to {To:O}", modelName, url, windows.Count, from, to);
            return windows;
        }
        catch (InfluxQlResponseException error)
        {
            throw new CalibrationSourceException(Context(error.Message), error);
        }
        catch (JsonException error)
        {
            throw new CalibrationSourceException(Context($"the response is not valid JSON ({error.Message})"), error);
        }
        catch (HttpRequestException error)
        {
            throw new CalibrationSourceException(Context($"the request failed: {error.Message}"), error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CalibrationSourceException(
                Context($"the query timed out after {connection.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; raise the connection's Timeout"), error);
        }
    }

    private static HttpRequestMessage CreateRequest(InfluxConnectionOptions connection, string database, string? retentionPolicy, string query)
    {
        var fields = new List<KeyValuePair<string, string>>
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
}
