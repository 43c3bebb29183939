using Hangfire;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.MultiServer;

/// <summary>
/// Two server processes, <c>alpha</c> and <c>beta</c>, on one new PostgreSQL database (incident
/// store and Hangfire) and one influxd database, with a short Hangfire invisibility timeout.
/// </summary>
internal sealed class ServerPair : IAsyncDisposable
{
    /// <summary>How long a job fetched by a dead server stays invisible to the other one.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(5);

    private readonly string _directory;

    private ServerPair(string directory, string connectionString, string influxDatabase)
    {
        _directory = directory;
        ConnectionString = connectionString;
        InfluxDatabase = influxDatabase;
    }

    public string ConnectionString { get; }

    public string InfluxDatabase { get; }

    public IReadOnlyList<ServerProcess> Servers { get; private set; } = [];

    /// <summary>
    /// Creates the databases, writes the KPI data, migrates the store and adds rows when
    /// <paramref name="prepareStore"/> is set, then starts both servers at once with the KPIs of
    /// <paramref name="kpiDefinitions"/> and waits until both return 200 on <c>/healthz</c>.
    /// </summary>
    public static async Task<ServerPair> StartAsync(
        InfluxDbFixture influx,
        PostgresFixture postgres,
        Func<string, IEnumerable<string>> kpiDefinitions,
        Func<string, Task> writeData,
        Func<RcaDbContext, Task>? prepareStore,
        CancellationToken cancellationToken)
    {
        var connectionString = await postgres.CreateDatabaseAsync("servers", cancellationToken);
        var influxDatabase = await influx.CreateDatabaseAsync("servers", cancellationToken);
        var pair = new ServerPair(Directory.CreateTempSubdirectory("rca-servers-").FullName, connectionString, influxDatabase);
        try
        {
            await writeData(influxDatabase);
            // Without rows to add, the servers migrate the empty database themselves, at the same time.
            if (prepareStore is not null)
            {
                await using var db = pair.CreateDbContext();
                await db.Database.MigrateAsync(cancellationToken);
                await prepareStore(db);
            }

            var seedFile = Path.Combine(pair._directory, "kpis.json");
            await File.WriteAllTextAsync(seedFile, "{ \"kpis\": [" + string.Join(",", kpiDefinitions(influxDatabase)) + "] }", cancellationToken);
            pair.Servers = [pair.Start("alpha", seedFile, influx.Url), pair.Start("beta", seedFile, influx.Url)];
            foreach (var server in pair.Servers)
            {
                await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }

        return pair;
    }

    public RcaDbContext CreateDbContext() =>
        new PostgreSqlRcaDbContext(new DbContextOptionsBuilder<PostgreSqlRcaDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>The Hangfire storage the servers share, for triggering jobs and reading their states.</summary>
    public JobStorage CreateJobStorage()
    {
        // Hangfire's log provider is static: in the test process it may still be the logger
        // factory of an in-process host that an earlier test disposed.
        LogProvider.SetCurrentLogProvider(new NoLogs());
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(ConnectionString, options), options);
    }

    /// <summary>Returns the output of both servers, for failure messages.</summary>
    public string Logs() => string.Join("\n", Servers.Select(s => $"--- {s.Name} (pid {s.ProcessId}) ---\n{s.Log()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private ServerProcess Start(string name, string seedFile, Uri influxUrl)
    {
        var data = Path.Combine(_directory, name);
        Directory.CreateDirectory(data);
        return ServerProcess.Start(name, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgresql",
            ["ConnectionStrings:Rca"] = ConnectionString,
            ["Hangfire:InvisibilityTimeoutSeconds"] = ((int)InvisibilityTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hangfire:SchedulePollingSeconds"] = "1",
            ["Hangfire:WorkerCount"] = "2",
            ["Data:Directory"] = data,
            ["Kpis:SeedFile"] = seedFile,
            ["Influx:Url"] = influxUrl.ToString(),
            ["Checks:MaxCatchUpWindows"] = "400",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Rca"] = "Information",
        });
    }

    private sealed class NoLogs : ILogProvider, ILog
    {
        public ILog GetLogger(string name) => this;

        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
