using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rca.Detectors.Localization;
using Rca.Server.Jobs;
using Rca.Server.Sources;
using Rca.Server.Storage;

namespace Rca.Server.Tests.Support;

/// <summary>
/// A host on Hangfire in-memory storage and a SQLite incident store in a temporary directory,
/// with a scripted source, a scripted localizer and a manual clock. Inside
/// <see cref="OnPostgreSqlAsync"/> the incident store is instead a new PostgreSQL database per host.
/// </summary>
internal sealed class ServerFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly AsyncLocal<PostgreSqlStore?> PostgreSqlStoreScope = new();

    /// <summary>The admin key every test host accepts through <c>Api:BootstrapKey</c>.</summary>
    public const string BootstrapKey = "test-bootstrap-key-0123456789";

    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly bool _hangfireServer;
    private readonly Uri? _influxUrl;

    /// <param name="seedJson">The KPI seed file.</param>
    /// <param name="hangfireServer">Whether a Hangfire server runs jobs.</param>
    /// <param name="influxUrl">The influxd to read KPIs from with the real InfluxQL source and PSqueeze; null uses the scripted source and localizer.</param>
    /// <param name="directory">A data directory to reuse (the caller deletes it), for restart tests; null makes a temporary one.</param>
    public ServerFactory(string seedJson, bool hangfireServer = false, Uri? influxUrl = null, string? directory = null)
    {
        _influxUrl = influxUrl;
        _ownsDirectory = directory is null;
        _directory = directory ?? Path.Combine(Path.GetTempPath(), "rca-server-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        SeedFile = Path.Combine(_directory, "kpis.json");
        File.WriteAllText(SeedFile, seedJson);
        _hangfireServer = hangfireServer;
        if (PostgreSqlStoreScope.Value is { } store)
        {
            Settings["Storage:Provider"] = "postgresql";
            Settings["ConnectionStrings:Rca"] = store.CreateDatabase(CancellationToken.None).GetAwaiter().GetResult();
            store.Hosts++;
        }
    }

    /// <summary>
    /// Runs <paramref name="test"/> with every host it creates on its own empty PostgreSQL
    /// database, made by <paramref name="createDatabase"/>, so a test written for SQLite runs
    /// unchanged on PostgreSQL.
    /// </summary>
    /// <param name="createDatabase">Creates an empty database and returns its connection string.</param>
    /// <param name="test">The test to run.</param>
    /// <returns>How many hosts the test created.</returns>
    public static async Task<int> OnPostgreSqlAsync(Func<CancellationToken, Task<string>> createDatabase, Func<Task> test)
    {
        var store = new PostgreSqlStore(createDatabase);
        PostgreSqlStoreScope.Value = store;
        try
        {
            await test();
            return store.Hosts;
        }
        finally
        {
            PostgreSqlStoreScope.Value = null;
        }
    }

    private sealed class PostgreSqlStore(Func<CancellationToken, Task<string>> createDatabase)
    {
        public Func<CancellationToken, Task<string>> CreateDatabase { get; } = createDatabase;

        public int Hosts { get; set; }
    }

    public string SeedFile { get; }

    public ScriptedKpiSource Source { get; } = new();

    public ScriptedLocalizer Localizer { get; } = new();

    public ManualClock Clock { get; } = new(Start);

    /// <summary>Extra configuration values, applied after the defaults; set them before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Returns a client that sends <paramref name="apiKey"/> in X-Api-Key.</summary>
    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Runs the check of one window through the Hangfire job class, as a replayed job would.</summary>
    public async Task RunWindowAsync(string kpi, DateTimeOffset window, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KpiCheckJob>().RunWindowAsync(kpi, window, CheckTrigger.Schedule, cancellationToken);
    }

    /// <summary>Runs the scheduled check of a KPI at the clock's current time.</summary>
    public async Task RunScheduledAsync(string kpi, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KpiCheckJob>().RunScheduledAsync(kpi, cancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<RcaDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RcaDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hangfire:Storage", "inmemory");
        builder.UseSetting("Hangfire:Server", _hangfireServer ? "true" : "false");
        builder.UseSetting("Data:Directory", _directory);
        builder.UseSetting("Kpis:SeedFile", SeedFile);
        builder.UseSetting("Api:BootstrapKey", BootstrapKey);
        if (_influxUrl is not null)
        {
            builder.UseSetting("Influx:Url", _influxUrl.ToString());
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (_influxUrl is null)
            {
                services.AddSingleton<IKpiSource>(Source);
                services.AddKeyedSingleton<IRootCauseLocalizer>("psqueeze", Localizer);
            }

            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        if (disposing && _ownsDirectory)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing background thread; the temp folder is cleaned by the OS.
            }
        }
    }
}
