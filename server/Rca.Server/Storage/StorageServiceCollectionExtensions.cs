using Microsoft.EntityFrameworkCore;
using Rca.Server.Hosting;

namespace Rca.Server.Storage;

/// <summary>
/// Registers the incident store. The provider-specific parts (connection string defaults,
/// provider call, unique-violation codes) stay in this file and <see cref="UniqueViolation"/>.
/// </summary>
internal static class StorageServiceCollectionExtensions
{
    public const string ConnectionName = "Rca";

    /// <summary>
    /// Adds <see cref="RcaDbContext"/> on SQLite, with connection string <c>ConnectionStrings:Rca</c>
    /// or <c>Data Source={Data:Directory}/rca.db</c> when it is not set.
    /// </summary>
    public static IServiceCollection AddIncidentStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Data Source=" + Path.Combine(DataDirectory.Resolve(configuration, contentRootPath), "rca.db");
        }

        services.AddDbContext<RcaDbContext>(options => options.UseSqlite(connectionString));
        return services;
    }

    /// <summary>Applies pending migrations; called once at start-up before any job runs.</summary>
    public static async Task MigrateIncidentStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
