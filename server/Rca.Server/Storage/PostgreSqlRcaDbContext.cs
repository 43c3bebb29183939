using Microsoft.EntityFrameworkCore;

namespace Rca.Server.Storage;

/// <summary>
/// The incident store on PostgreSQL, with the model of <see cref="RcaDbContext"/>. A migration
/// belongs to exactly one context type, so this type keeps the PostgreSQL migrations
/// (Storage/PostgreSqlMigrations) apart from the SQLite ones.
/// </summary>
internal sealed class PostgreSqlRcaDbContext(DbContextOptions<PostgreSqlRcaDbContext> options) : RcaDbContext(options);
