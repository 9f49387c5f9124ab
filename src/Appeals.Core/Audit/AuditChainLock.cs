using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Audit;

/// <summary>
/// The lock on the chain's tail that every process appending to it takes inside its transaction (ADR 0102), so that two web
/// nodes or the CLI beside the web app never read the same tail: SQL Server's application lock and PostgreSQL's transaction
/// advisory lock, both held until the transaction ends and both re-entrant within it. SQLite needs none: a write transaction
/// there (Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE) already excludes every other writer.
/// </summary>
internal static class AuditChainLock
{
    /// <summary>The application lock's name on SQL Server.</summary>
    public const string Resource = "Appeals.AuditChain";

    /// <summary>The advisory lock's key on PostgreSQL: "AppeAudt" in ASCII, a number nothing else in the database uses.</summary>
    public const long PostgreSqlKey = 0x4170706541756474;

    /// <summary>
    /// <c>sp_getapplock</c> for the transaction, exclusive, waiting up to 60 s; a refusal (timeout, deadlock victim) is raised
    /// as an error, so the append fails rather than going on without the lock.
    /// </summary>
    public const string SqlServerStatement =
        "DECLARE @result int; " +
        "EXEC @result = sp_getapplock @Resource = N'" + Resource + "', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000; " +
        "IF @result < 0 BEGIN DECLARE @message nvarchar(200) = CONCAT(N'The audit chain lock was not granted: sp_getapplock returned ', @result, N'.'); THROW 51000, @message, 1; END;";

    /// <summary><c>pg_advisory_xact_lock</c>: waits for the lock, released when the transaction ends.</summary>
    public static readonly string PostgreSqlStatement = FormattableString.Invariant($"SELECT pg_advisory_xact_lock({PostgreSqlKey})");

    /// <summary>The statement that takes the lock on this context's database, or null where the transaction itself is the lock.</summary>
    public static string? Statement(DbContext db) =>
        db.Database.IsSqlServer() ? SqlServerStatement
        : db.Database.IsNpgsql() ? PostgreSqlStatement
        : null;

    /// <summary>Takes the lock in the context's current transaction (which the caller has begun).</summary>
    public static async Task TakeAsync(DbContext db, CancellationToken ct)
    {
        if (Statement(db) is { } statement) await db.Database.ExecuteSqlRawAsync(statement, ct);
    }
}
