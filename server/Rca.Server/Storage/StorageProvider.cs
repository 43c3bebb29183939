namespace Rca.Server.Storage;

/// <summary>
/// The database behind the incident store, chosen by <c>Storage:Provider</c>: <c>sqlite</c>
/// (default) or <c>postgresql</c>. In PostgreSQL mode <c>ConnectionStrings:Rca</c> is required
/// and Hangfire keeps its jobs in the same database by default, so several servers can share it.
/// </summary>
internal static class StorageProvider
{
    public const string Setting = "Storage:Provider";

    public const string Sqlite = "sqlite";

    public const string PostgreSql = "postgresql";

    /// <summary>Returns the configured provider in lower case, or <c>sqlite</c> when the setting is empty.</summary>
    /// <exception cref="InvalidOperationException">The setting names another provider.</exception>
    public static string Read(IConfiguration configuration)
    {
        var value = (configuration[Setting] ?? "").Trim().ToLowerInvariant();
        return value switch
        {
            "" or Sqlite => Sqlite,
            PostgreSql => PostgreSql,
            _ => throw new InvalidOperationException(
                $"Configuration '{Setting}' must be '{Sqlite}' or '{PostgreSql}', got '{configuration[Setting]}'."),
        };
    }

    /// <summary>Returns <c>ConnectionStrings:Rca</c>, which PostgreSQL mode requires.</summary>
    /// <exception cref="InvalidOperationException">The connection string is empty.</exception>
    public static string RequirePostgreSqlConnection(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(StorageServiceCollectionExtensions.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Configuration 'ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionName}' is required when '{Setting}' is '{PostgreSql}', "
                + "for example 'Host=127.0.0.1;Port=5432;Database=rca;Username=rca;Password=...'.");
        }

        return connectionString;
    }
}
