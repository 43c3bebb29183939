using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rca.Server.Storage;

/// <summary>
/// Recognizes a unique-index violation, which a retried or concurrent check hits when another
/// run stored the same (KPI, window) first.
/// </summary>
internal static class UniqueViolation
{
    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555) are extended codes of SQLITE_CONSTRAINT (19).
    private const int SqliteConstraint = 19;

    public static bool Is(DbUpdateException error) => error.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
