using Hangfire;
using Microsoft.Extensions.Options;
using Rca.Server.Demo;
using Rca.Server.Sources;

namespace Rca.Server.Calibration;

/// <summary>
/// Writes the <c>ctr-demo</c> calibration stream (<see cref="CalibrationDemo"/>) to the demo
/// InfluxDB database at start-up and queues one check of the model, so that its drift is stored
/// without waiting for the schedule.
/// </summary>
/// <remarks>
/// It first drops the model's earlier points. Each start shifts the stream to the current hour,
/// so a row at a time an earlier start wrote can fall in another prediction bucket. Its point
/// would then be a second series next to the old one, and the check would count both.
/// </remarks>
internal sealed class CalibrationDemoLoader(
    IHttpClientFactory httpClients,
    IBackgroundJobClient jobs,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<CalibrationDemoLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            var (stream, driftedSite) = CalibrationDemo.Generate(time.GetUtcNow());
            var http = httpClients.CreateClient(nameof(CalibrationDemoLoader));
            var connection = new InfluxConnectionOptions { Url = settings.InfluxUrl };
            var client = new InfluxWriteClient(http, connection);
            await client.CreateDatabaseAsync(settings.Database, stoppingToken);
            await DropEarlierPointsAsync(http, connection, settings.Database, stoppingToken);
            var lines = CalibrationPoints.ToLines(stream.Windows, CalibrationDemo.Measurement, "model", CalibrationDemo.ModelValue, CalibrationDemo.BucketTag);
            var written = await client.WriteAsync(settings.Database, lines, stoppingToken);
            jobs.Enqueue<CalibrationCheckJob>(job => job.RunScheduledAsync(CalibrationDemo.ModelName, CancellationToken.None));
            logger.LogInformation(
                "Demo calibration model {Model}: wrote {Points} points to {Measurement} from {From:O} to {To:O}; predictions of {Segment} are {Factor} times too high in the last {Drifted} windows",
                CalibrationDemo.ModelName, written, CalibrationDemo.Measurement, stream.Windows[0].Start, stream.Windows[^1].End, driftedSite, CalibrationDemo.DriftFactor, CalibrationDemo.DriftedWindows);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Loading the demo calibration stream into {InfluxUrl} failed", settings.InfluxUrl);
        }
    }

    private static async Task DropEarlierPointsAsync(HttpClient http, InfluxConnectionOptions connection, string database, CancellationToken cancellationToken)
    {
        // The model value is a constant without quotes, so it needs no escaping as a literal.
        var statement = $"DROP SERIES FROM {InfluxQlQueryBuilder.QuoteIdentifier(CalibrationDemo.Measurement)} WHERE \"model\" = '{CalibrationDemo.ModelValue}'";
        using var request = new HttpRequestMessage(HttpMethod.Post, InfluxHttp.Endpoint(connection, "query?db=" + Uri.EscapeDataString(database)))
        {
            Content = new FormUrlEncodedContent([new("q", statement)]),
        };
        InfluxHttp.Authorize(request, connection);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await InfluxHttp.ReadErrorBodyAsync(response, cancellationToken);

        // A statement error comes back as HTTP 200 with results[0].error.
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{statement} in database '{database}' at {connection.DisplayUrl()} failed: HTTP {(int)response.StatusCode}: {body}");
        }
    }
}
