using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rca.Server.Storage;

/// <summary>
/// Creates the PostgreSQL context for
/// <c>dotnet ef migrations add NAME --context PostgreSqlRcaDbContext --output-dir Storage/PostgreSqlMigrations</c>.
/// Adding a migration does not connect, so the connection string only has to parse.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlRcaDbContext>
{
    public PostgreSqlRcaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRcaDbContext>().UseNpgsql("Host=127.0.0.1;Database=rca_design_time").Options);
}
