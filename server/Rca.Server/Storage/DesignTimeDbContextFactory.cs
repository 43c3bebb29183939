using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rca.Server.Storage;

/// <summary>
/// Creates the SQLite context for <c>dotnet ef migrations add</c> without starting the web host.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RcaDbContext>
{
    public RcaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RcaDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
