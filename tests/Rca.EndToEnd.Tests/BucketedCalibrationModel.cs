using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rca.Detectors.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Sources;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// A second calibration model, <c>ctr-buckets</c>, over the demo's <c>ctr-demo</c> stream with a
/// prediction bucket per row. The demo writes no bucket tag, so its checks have no reliability
/// diagram; this model gives the dashboard one to draw.
/// </summary>
/// <remarks>
/// Each row goes to the bucket of its mean prediction in steps of 0.01 (a CTR of 0.034 is bucket
/// 3). The rows go to their own measurement, because an extra tag in <c>ctr_calibration</c>
/// would add points to the demo model's sums.
/// </remarks>
internal static class BucketedCalibrationModel
{
    public const string Name = "ctr-buckets";
    public const string Measurement = "ctr_calibration_buckets";
    public const string BucketTag = "bucket";

    /// <summary>The configuration of the model, as <c>Calibration:Models:ctr-buckets:*</c> settings.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string database) => new Dictionary<string, string>
    {
        [$"Calibration:Models:{Name}:Measurement"] = Measurement,
        [$"Calibration:Models:{Name}:Model"] = CalibrationDemo.ModelValue,
        [$"Calibration:Models:{Name}:Fields:0"] = "site",
        [$"Calibration:Models:{Name}:Fields:1"] = "device",
        [$"Calibration:Models:{Name}:Fields:2"] = "region",
        [$"Calibration:Models:{Name}:BucketTag"] = BucketTag,
        [$"Calibration:Models:{Name}:Window"] = "1h",
        [$"Calibration:Models:{Name}:LabelDelay"] = "30m",
        [$"Calibration:Models:{Name}:Database"] = database,
        // Hourly, so the scheduler leaves the checks to LoadAsync during a run.
        [$"Calibration:Models:{Name}:Schedule"] = "0 * * * *",
    };

    /// <summary>
    /// Writes the bucketed stream to <paramref name="influxUrl"/> and runs the model's check job
    /// in <paramref name="services"/>, as the schedule would, so its checks are stored at return.
    /// </summary>
    public static async Task LoadAsync(Uri influxUrl, string database, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (stream, _) = CalibrationDemo.Generate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var windows = stream.Windows.Select(window => new CalibrationWindow(
            window.Model,
            window.Start,
            window.Length,
            window.FieldNames,
            [.. window.Rows.Select(row => row with { Bucket = (int)Math.Floor(100 * row.PredictionSum / row.Impressions) })]));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var client = new InfluxWriteClient(http, new InfluxConnectionOptions { Url = influxUrl.ToString() });
        await client.CreateDatabaseAsync(database, cancellationToken);
        var lines = CalibrationPoints.ToLines(windows, Measurement, "model", CalibrationDemo.ModelValue, BucketTag);
        var written = await client.WriteAsync(database, lines, cancellationToken);
        if (written == 0)
        {
            throw new InvalidOperationException($"Writing {Measurement} to {influxUrl} wrote no points.");
        }

        await using var scope = services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<CalibrationCheckJob>().RunAsync(Name, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name}: wrote {written} points, check job stored {summary}"));
    }
}
