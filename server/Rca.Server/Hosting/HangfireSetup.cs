using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Rca.Server.Storage;

namespace Rca.Server.Hosting;

/// <summary>
/// Registers Hangfire on the storage named by <c>Hangfire:Storage</c>. An empty value follows
/// <c>Storage:Provider</c>: <c>sqlite</c> (file <c>Hangfire:SqliteFile</c> or
/// <c>{Data:Directory}/hangfire.db</c>) on SQLite, <c>postgresql</c> (schema <c>hangfire</c> of
/// <c>ConnectionStrings:Rca</c>) on PostgreSQL. <c>inmemory</c> works with either provider; a
/// storage of the other provider is refused. <c>Hangfire:Server</c> = false registers no
/// background server (the API can still queue jobs).
/// </summary>
internal static class HangfireSetup
{
    public const string StorageSetting = "Hangfire:Storage";

    public const string InMemory = "inmemory";

    /// <summary>The schema Hangfire.PostgreSql creates its tables in.</summary>
    public const string PostgreSqlSchema = "hangfire";

    public static IServiceCollection AddRcaHangfire(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var provider = StorageProvider.Read(configuration);
        var storage = ReadStorage(configuration, provider);
        var invisibility = ReadSeconds(configuration, "Hangfire:InvisibilityTimeoutSeconds", 120, minimum: 2);
        var schedulePolling = ReadSeconds(configuration, "Hangfire:SchedulePollingSeconds", 15, minimum: 1);
        string? sqliteFile = null;
        string? postgres = null;
        if (storage == StorageProvider.Sqlite)
        {
            var configured = configuration["Hangfire:SqliteFile"];
            sqliteFile = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(DataDirectory.Resolve(configuration, contentRootPath), "hangfire.db")
                : Path.GetFullPath(configured, contentRootPath);
        }
        else if (storage == StorageProvider.PostgreSql)
        {
            postgres = StorageProvider.RequirePostgreSqlConnection(configuration);
        }

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (sqliteFile is not null)
            {
                // The package's default 15 s queue poll makes per-minute checks run late and in bursts.
                config.UseSQLiteStorage(sqliteFile, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
            else if (postgres is not null)
            {
                // A job fetched by a server that dies stays hidden from the others for the
                // invisibility timeout. The sliding timeout keeps refreshing the fetch time of a
                // live server's long check, so the timeout can be short without running it twice.
                // Long polling (LISTEN/NOTIFY, PostgreSQL 11 or later) wakes the idle workers of
                // every server when a job is enqueued. Without it only the enqueuing server's
                // workers wake at once, and the others wait for their next poll.
                config.UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(postgres),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = PostgreSqlSchema,
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                        InvisibilityTimeout = invisibility,
                        UseSlidingInvisibilityTimeout = true,
                        EnableLongPolling = true,
                    });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        if (configuration.GetValue("Hangfire:Server", true))
        {
            services.AddHangfireServer((provider, options) =>
            {
                options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", 4);
                options.ServerName = provider.GetRequiredService<ServerIdentity>().Name;
                options.SchedulePollingInterval = schedulePolling;
            });
        }

        return services;
    }

    /// <summary>Returns the Hangfire storage for the incident store's provider.</summary>
    /// <exception cref="InvalidOperationException">The value is unknown or belongs to the other provider.</exception>
    internal static string ReadStorage(IConfiguration configuration, string provider)
    {
        var value = (configuration[StorageSetting] ?? "").Trim().ToLowerInvariant();
        if (value.Length == 0)
        {
            return provider;
        }

        if (value == InMemory || value == provider)
        {
            return value;
        }

        var allowed = $"'{provider}', '{InMemory}' or empty (same as '{StorageProvider.Setting}')";
        var got = configuration[StorageSetting];
        if (value is StorageProvider.Sqlite or StorageProvider.PostgreSql)
        {
            throw new InvalidOperationException(
                $"Configuration '{StorageSetting}' must be {allowed} when '{StorageProvider.Setting}' is '{provider}', got '{got}'.");
        }

        throw new InvalidOperationException($"Configuration '{StorageSetting}' must be {allowed}, got '{got}'.");
    }

    private static TimeSpan ReadSeconds(IConfiguration configuration, string key, int fallback, int minimum)
    {
        var seconds = configuration.GetValue(key, fallback);
        if (seconds < minimum)
        {
            throw new InvalidOperationException($"Configuration '{key}' must be at least {minimum} seconds, got {seconds}.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
