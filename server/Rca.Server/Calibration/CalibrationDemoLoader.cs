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
            var client = new InfluxWriteClient(httpClients.CreateClient(nameof(CalibrationDemoLoader)), new InfluxConnectionOptions { Url = settings.InfluxUrl });
            await client.CreateDatabaseAsync(settings.Database, stoppingToken);
            var lines = CalibrationPoints.ToLines(stream.Windows, CalibrationDemo.Measurement, "model", CalibrationDemo.ModelValue);
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
}
