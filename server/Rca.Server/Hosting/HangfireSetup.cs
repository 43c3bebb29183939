using Hangfire;
using Hangfire.Storage.SQLite;

namespace Rca.Server.Hosting;

/// <summary>
/// Registers Hangfire on the storage named by <c>Hangfire:Storage</c>: <c>sqlite</c> (default,
/// file <c>Hangfire:SqliteFile</c> or <c>{Data:Directory}/hangfire.db</c>) or <c>inmemory</c>.
/// <c>Hangfire:Server</c> = false registers no background server (the API can still queue jobs).
/// </summary>
internal static class HangfireSetup
{
    public static IServiceCollection AddRcaHangfire(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var storage = (configuration["Hangfire:Storage"] ?? "sqlite").Trim().ToLowerInvariant();
        string? sqliteFile = null;
        if (storage == "sqlite")
        {
            var configured = configuration["Hangfire:SqliteFile"];
            sqliteFile = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(DataDirectory.Resolve(configuration, contentRootPath), "hangfire.db")
                : Path.GetFullPath(configured, contentRootPath);
        }
        else if (storage != "inmemory")
        {
            throw new InvalidOperationException($"Configuration 'Hangfire:Storage' must be 'sqlite' or 'inmemory', got '{storage}'.");
        }

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (sqliteFile is null)
            {
                config.UseInMemoryStorage();
            }
            else
            {
                // The package's default 15 s queue poll makes per-minute checks run late and in bursts.
                config.UseSQLiteStorage(sqliteFile, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });

        if (configuration.GetValue("Hangfire:Server", true))
        {
            services.AddHangfireServer(options => options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", 4));
        }

        return services;
    }
}
