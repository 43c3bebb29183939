using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rca.Server.Hosting;
using Rca.Server.Jobs;
using Rca.Server.Kpis;
using Rca.Server.Sources;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Benchmarks;

/// <summary>
/// One check of a 20,000-leaf KPI against a local influxd (Debian's 1.6.7): query, forecast,
/// anomaly test, PSqueeze and storing one incident in SQLite. The KPI sums one field over
/// 20 × 25 × 40 attribute values, with a mean of 8 history windows and 1 baseline window, so a
/// check reads 10 windows. The checked window
/// drops attribute value a=a3 to 0, so every check localizes and stores an incident.
/// </summary>
/// <remarks>
/// <c>Cold</c> starts with an empty history cache, so it reads the 9 history and checked windows
/// by leaf and the baseline window as a total. <c>Warm</c>
/// starts with the 9 earlier windows cached by a scheduled check of the window before, as a
/// running service would have them, so it reads only the checked window. <c>QueryFullRange</c>
/// times one 10-window InfluxQL read by leaf alone. The runs are in-process, one check per iteration.
/// Run with <c>dotnet run -c Release --project tests/Rca.Benchmarks -- --filter *KpiCheck*</c>.
/// </remarks>
[Config(typeof(Settings))]
public class KpiCheckBenchmarks
{
    private const string Name = "wide";
    private const int Windows = 10;
    private static readonly DateTimeOffset First = DateTimeOffset.FromUnixTimeSeconds(1_764_806_400); // 2025-12-04T00:00:00Z
    private static readonly DateTimeOffset Checked = First.AddMinutes(Windows - 1);

    private InfluxDbServer _influx = null!;
    private ServiceProvider _services = null!;
    private KpiDefinition _kpi = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _influx.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Target = nameof(Cold))]
    public void SetupCold()
    {
        DeleteResultsAsync().GetAwaiter().GetResult();
        _services.GetRequiredService<KpiWindowHistory>().Forget(Name);
    }

    [IterationSetup(Target = nameof(Warm))]
    public void SetupWarm()
    {
        DeleteResultsAsync().GetAwaiter().GetResult();
        _services.GetRequiredService<KpiWindowHistory>().Forget(Name);
        CheckAsync(Checked.AddMinutes(-1)).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<string> Cold() => CheckAsync(Checked);

    [Benchmark]
    public Task<string> Warm() => CheckAsync(Checked);

    [Benchmark]
    public Task<KpiSeries> QueryFullRange() =>
        _services.GetRequiredService<IKpiSource>().QueryAsync(_kpi, First, Checked.AddMinutes(1), CancellationToken.None);

    private async Task<string> CheckAsync(DateTimeOffset window)
    {
        await using var scope = _services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<KpiWindowChecker>().CheckAsync(_kpi, window, CheckTrigger.Schedule, CancellationToken.None);
        if (window == Checked && outcome.Status != CheckStatus.Anomalous)
        {
            throw new InvalidOperationException($"The checked window should be anomalous, but its check is {outcome.Status}.");
        }

        return outcome.Status;
    }

    private async Task SetupAsync()
    {
        _influx = await InfluxDbServer.StartAsync(authEnabled: false, CancellationToken.None);
        await _influx.CreateDatabaseAsync("bench", CancellationToken.None);
        using (var http = new HttpClient())
        {
            await new InfluxWriteClient(http, _influx.Connection()).WriteAsync("bench", Lines(), CancellationToken.None);
        }

        _directory = Directory.CreateTempSubdirectory("rca-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = _directory,
            ["Influx:Url"] = _influx.Url.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddRcaChecks(configuration, _directory);
        _services = services.BuildServiceProvider();
        await _services.MigrateIncidentStoreAsync(CancellationToken.None);

        _kpi = new KpiDefinition
        {
            Name = Name,
            Source = new KpiSourceOptions { Database = "bench" },
            Measurement = "wide",
            Field = "f",
            Attributes = ["a", "b", "c"],
            Forecast = new ForecastOptions { Method = "mean", History = 8 },
            Detection = new DetectionOptions { BaselineWindows = 1, MinRelativeChange = 0.03 },
        };
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KpiCatalog>().UpsertAsync([_kpi], CancellationToken.None);
    }

    private async Task DeleteResultsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();
        await db.Checks.ExecuteDeleteAsync();
        await db.RootCauseSets.ExecuteDeleteAsync();
        await db.Incidents.ExecuteDeleteAsync();
    }

    private static IEnumerable<string> Lines()
    {
        var random = new Random(42);
        for (var window = 0; window < Windows; window++)
        {
            var time = First.AddMinutes(window).AddSeconds(5);
            for (var a = 0; a < 20; a++)
            {
                for (var b = 0; b < 25; b++)
                {
                    for (var c = 0; c < 40; c++)
                    {
                        var value = window == Windows - 1 && a == 3 ? 0.0 : 50 + random.Next(100);
                        yield return InfluxLineProtocol.FormatPoint("wide", [new("a", $"a{a}"), new("b", $"b{b}"), new("c", $"c{c}")], [new("f", value)], time);
                    }
                }
            }
        }
    }

    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }
}
