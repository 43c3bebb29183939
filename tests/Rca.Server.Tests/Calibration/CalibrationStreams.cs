using Rca.Detectors.Data;
using Rca.Detectors.Synthetic.Calibration;
using Rca.Server.Calibration;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Server.Tests.Calibration;

/// <summary>
/// A seeded test stream: 24 hourly windows over site (5 values) and device (3) in which the
/// predictions of site_1 are 1.3 times too high from window 20 on, and the settings of a model
/// that reads it.
/// </summary>
internal static class CalibrationStreams
{
    public const string ModelName = "ctr";
    public const string Measurement = "ctr_calibration";

    // A quote, a backslash and a space check that the model value is escaped as an InfluxQL literal.
    public const string ModelValue = "ctr model's \\v1";
    public const int WindowCount = 24;
    public const int DriftFrom = 20;

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly AttributeCombination DriftedSite = AttributeCombination.Parse("site=site_1");

    /// <summary>The end of the last window.</summary>
    public static DateTimeOffset End => Start.AddHours(WindowCount);

    public static CalibrationStream Generate(int seed = 7) =>
        new CalibrationStreamGenerator(
            new CalibrationStreamOptions
            {
                Model = ModelValue,
                Fields = [new("site", 5), new("device", 3)],
                WindowCount = WindowCount,
                Start = Start,
                MeanImpressionsPerWindow = 1_000_000,
            },
            new Random(seed))
        .Generate([new CalibrationDrift(DriftedSite, 1.3, DriftFrom)]);

    /// <summary>Writes the stream to a new database of the shared influxd and returns the database name.</summary>
    public static async Task<string> WriteAsync(InfluxDbFixture influx, CalibrationStream stream, CancellationToken cancellationToken)
    {
        var database = await influx.CreateDatabaseAsync("calibration", cancellationToken);
        using var http = new HttpClient();
        var client = new InfluxWriteClient(http, influx.Server.Connection());
        await client.WriteAsync(database, CalibrationPoints.ToLines(stream.Windows, Measurement, "model", ModelValue), cancellationToken);
        return database;
    }

    /// <summary>The configuration of the model <see cref="ModelName"/> reading <paramref name="database"/>.</summary>
    public static Dictionary<string, string?> Settings(InfluxDbFixture influx, string database) => new()
    {
        ["Influx:Url"] = influx.Url.ToString(),
        ["Influx:Database"] = database,
        [$"Calibration:Models:{ModelName}:Measurement"] = Measurement,
        [$"Calibration:Models:{ModelName}:Model"] = ModelValue,
        [$"Calibration:Models:{ModelName}:Fields:0"] = "site",
        [$"Calibration:Models:{ModelName}:Fields:1"] = "device",
        [$"Calibration:Models:{ModelName}:Window"] = "1h",
        [$"Calibration:Models:{ModelName}:LabelDelay"] = "30m",
        [$"Calibration:Models:{ModelName}:Channels:0"] = "ads-oncall",
    };
}
