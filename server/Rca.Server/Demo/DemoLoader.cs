using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using Rca.Server.Hosting;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Replay;

namespace Rca.Server.Demo;

/// <summary>
/// Loads the bundled RS incidents for a first run. Each case's per-minute series is written to
/// InfluxDB, shifted so the cases end one after another shortly before the first start on this
/// data directory (<see cref="DemoTimeline"/>). Then one KPI per case is stored and scheduled,
/// and a replay of each case's range is queued.
/// </summary>
internal sealed class DemoLoader(
    IServiceProvider services,
    InfluxLineWriter writer,
    IOptions<DemoOptions> options,
    TimeProvider time,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DemoLoader> logger) : BackgroundService
{
    private static readonly string BundleDirectory = Path.Combine(AppContext.BaseDirectory, "Demo");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoadAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Loading the demo data into {InfluxUrl} failed", options.Value.InfluxUrl);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var manifest = await ReadManifestAsync(cancellationToken);
        var influx = new Uri(settings.InfluxUrl.TrimEnd('/') + "/");
        await writer.CreateDatabaseAsync(influx, settings.Database, cancellationToken);

        var now = DemoTimeline.Anchor(
            DataDirectory.Resolve(configuration, environment.ContentRootPath),
            WindowClock.AlignDown(time.GetUtcNow(), TimeSpan.FromMinutes(1)),
            logger);
        var ranges = new List<(KpiDefinition Kpi, DateTimeOffset From, DateTimeOffset To, DateTimeOffset Incident)>();
        for (var i = 0; i < manifest.Cases.Count; i++)
        {
            var demoCase = manifest.Cases[i];
            var kpi = demoCase.Kpi with { Source = demoCase.Kpi.Source with { Database = settings.Database } };
            var rows = RsCaseFile.Read(Path.Combine(BundleDirectory, "Data", demoCase.File), kpi.Attributes);
            var first = rows.Min(row => row.Minute);
            var last = rows.Max(row => row.Minute);
            var end = now - settings.EndBefore - (settings.Gap * (manifest.Cases.Count - 1 - i));
            var shift = end.ToUnixTimeSeconds() - last;

            var lines = new List<string>(rows.Count);
            foreach (var row in rows)
            {
                var tags = new KeyValuePair<string, string>[kpi.Attributes.Count];
                for (var a = 0; a < tags.Length; a++)
                {
                    tags[a] = new(kpi.Attributes[a], row.Attributes[a]);
                }

                lines.Add(LineProtocol.Format(
                    kpi.Measurement,
                    tags,
                    [new(kpi.Field, row.Count - row.Value), new(kpi.DenominatorField!, row.Count)],
                    row.Minute + shift));
            }

            await writer.WriteAsync(influx, settings.Database, lines, cancellationToken);
            var from = DateTimeOffset.FromUnixTimeSeconds(first + shift);
            var to = DateTimeOffset.FromUnixTimeSeconds(last + shift) + kpi.Interval;
            var incident = DateTimeOffset.FromUnixTimeSeconds(demoCase.IncidentMinute + shift);
            ranges.Add((kpi, from, to, incident));
            logger.LogInformation(
                "Demo case {SourceFile}: wrote {Points} points to {Measurement}, {From:O} to {To:O}; labelled incident at {Incident:O}, cause {Cause}",
                demoCase.SourceFile, lines.Count, kpi.Measurement, from, to, incident, demoCase.Cause);
        }

        await using var scope = services.CreateAsyncScope();
        var kpis = ranges.Select(range => range.Kpi).ToList();
        await scope.ServiceProvider.GetRequiredService<KpiCatalog>().UpsertAsync(kpis, cancellationToken);
        scope.ServiceProvider.GetRequiredService<KpiScheduler>().Apply(kpis);

        var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        foreach (var (kpi, from, to, _) in ranges)
        {
            var summary = await replay.EnqueueAsync(jobs, kpi.Name, from, to, time.GetUtcNow(), cancellationToken);
            logger.LogInformation("Demo replay of {Kpi}: {Queued} windows queued, {Kept} already checked", kpi.Name, summary.Queued, summary.AlreadyChecked);
        }
    }

    private static async Task<DemoManifest> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(BundleDirectory, "demo-cases.json");
        await using var stream = File.OpenRead(path);
        var manifest = await JsonSerializer.DeserializeAsync<DemoManifest>(stream, KpiJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
        var errors = manifest.Cases.SelectMany(demoCase => KpiDefinitionValidator.Validate(demoCase.Kpi)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidKpiDefinitionException(errors);
        }

        return manifest;
    }
}
