using Microsoft.EntityFrameworkCore;

namespace Rca.Server.Storage;

/// <summary>
/// The incident store on PostgreSQL. The model is that of <see cref="RcaDbContext"/>; the type
/// exists so that EF Core keeps the PostgreSQL migrations (Storage/PostgreSqlMigrations) apart
/// from the SQLite ones, since a migration belongs to exactly one context type.
/// </summary>
internal sealed class PostgreSqlRcaDbContext(DbContextOptions<PostgreSqlRcaDbContext> options) : RcaDbContext(options);
