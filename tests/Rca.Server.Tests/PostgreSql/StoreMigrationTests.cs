using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rca.Server.Storage;
using Rca.Server.Tests.Infrastructure;

namespace Rca.Server.Tests.PostgreSql;

/// <summary>
/// The two migration sets: each applies on an empty database, matches the model, and the
/// unique index on (KPI, window) raises what <see cref="UniqueViolation"/> recognizes.
/// </summary>
public sealed class StoreMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PostgreSql_EmptyDatabase_MigratesToModel()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync("migrate", ct);
        await using var db = new PostgreSqlRcaDbContext(new DbContextOptionsBuilder<PostgreSqlRcaDbContext>().UseNpgsql(connectionString).Options);

        await db.Database.MigrateAsync(ct);

        var applied = await db.Database.GetAppliedMigrationsAsync(ct);
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a PostgreSQL migration.");
        var columns = await db.Database
            .SqlQueryRaw<string>(
                "SELECT column_name || ' ' || data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'Checks' AND column_name IN ('WindowStart', 'Server') ORDER BY column_name")
            .ToListAsync(ct);
        Assert.Equal(["Server character varying", "WindowStart timestamp with time zone"], columns);
        await AssertUniqueWindowAsync(db, ct);
    }

    [Fact]
    public async Task Sqlite_EmptyDatabase_MigratesToModel()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("rca-migrate-").FullName;
        try
        {
            await using (var db = new RcaDbContext(new DbContextOptionsBuilder<RcaDbContext>().UseSqlite($"Data Source={directory}/rca.db").Options))
            {
                await db.Database.MigrateAsync(ct);

                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
                Assert.Contains(db.Database.GetMigrations(), id => id.EndsWith("_AddCheckServer", StringComparison.Ordinal));
                Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration.");
                await AssertUniqueWindowAsync(db, ct);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Migrations_AreSeparatePerProvider()
    {
        using var sqlite = new RcaDbContext(new DbContextOptionsBuilder<RcaDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = new PostgreSqlRcaDbContext(
            new DbContextOptionsBuilder<PostgreSqlRcaDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgreSqlMigrations = postgreSql.Database.GetMigrations().ToList();

        Assert.Equal(5, sqliteMigrations.Count);
        Assert.Single(postgreSqlMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgreSqlMigrations));
    }

    private static async Task AssertUniqueWindowAsync(RcaDbContext db, CancellationToken ct)
    {
        var window = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        db.Checks.Add(new CheckRecord { KpiName = "k", WindowStart = window, Status = CheckStatus.Ok, Trigger = CheckTrigger.Schedule, Server = "a" });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.Checks.Add(new CheckRecord { KpiName = "k", WindowStart = window, Status = CheckStatus.Ok, Trigger = CheckTrigger.Schedule, Server = "b" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));

        Assert.True(UniqueViolation.Is(error), error.InnerException?.Message);
        db.ChangeTracker.Clear();
        var stored = await db.Checks.AsNoTracking().SingleAsync(ct);
        Assert.Equal(("a", window, DateTimeKind.Utc), (stored.Server, stored.WindowStart, stored.WindowStart.Kind));
    }
}
