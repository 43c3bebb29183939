using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rca.Server.Hosting;

namespace Rca.Server.Storage;

/// <summary>
/// Registers the incident store. The provider-specific parts (connection string defaults,
/// provider call, unique-violation codes) stay in this file, <see cref="StorageProvider"/> and
/// <see cref="UniqueViolation"/>.
/// </summary>
internal static class StorageServiceCollectionExtensions
{
    public const string ConnectionName = "Rca";

    /// <summary>
    /// Adds <see cref="RcaDbContext"/> on the provider of <c>Storage:Provider</c>. On SQLite the
    /// connection string is <c>ConnectionStrings:Rca</c>, or <c>Data Source={Data:Directory}/rca.db</c>
    /// when it is not set. On PostgreSQL <c>ConnectionStrings:Rca</c> must be set, and the context
    /// is a <see cref="PostgreSqlRcaDbContext"/>, resolved as <see cref="RcaDbContext"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddIncidentStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        if (StorageProvider.Read(configuration) == StorageProvider.PostgreSql)
        {
            var postgres = StorageProvider.RequirePostgreSqlConnection(configuration);
            services.AddDbContext<RcaDbContext, PostgreSqlRcaDbContext>(options => options.UseNpgsql(postgres));
            return services;
        }

        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Data Source=" + Path.Combine(DataDirectory.Resolve(configuration, contentRootPath), "rca.db");
        }

        services.AddDbContext<RcaDbContext>(options => options.UseSqlite(connectionString));
        return services;
    }

    /// <summary>
    /// Adds an interceptor to the incident store's context on either provider. The PostgreSQL
    /// context is built from the options of <see cref="PostgreSqlRcaDbContext"/>, which
    /// <c>ConfigureDbContext&lt;RcaDbContext&gt;</c> alone would not reach.
    /// </summary>
    public static IServiceCollection AddIncidentStoreInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, IInterceptor
    {
        services.ConfigureDbContext<RcaDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<TInterceptor>()));
        services.ConfigureDbContext<PostgreSqlRcaDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<TInterceptor>()));
        return services;
    }

    /// <summary>
    /// Applies pending migrations, once at start-up before any job runs. EF Core holds a database
    /// lock while it migrates, so servers that start together on one database take turns.
    /// </summary>
    public static async Task MigrateIncidentStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
