using Appeals.Core.Rollups;
using SQLitePCL;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The rollups of a table the SQLite bulk writer inserts into (ClaimPayments, DenialCases), kept by the writer instead of
/// the per-row insert triggers (ADR 0151). The rows of one insert call are inserted with the connection's triggers off, and
/// then one statement per rollup, generated from the very definition that generates the triggers
/// (<see cref="RollupTriggers.SqliteAddInserted"/>), adds what the insert trigger would have added for those rows. Each
/// insert was a multi-write statement because of its trigger, so SQLite also kept a statement journal for every row; both go.
/// </summary>
/// <remarks>
/// SQLite reads the trigger setting when a statement is compiled, and any change of it expires every prepared statement of
/// the connection (<c>sqlite3_db_config</c>), so each one is compiled again at its next step under the setting of that
/// moment. Hence the setting is switched around the execution, not the preparation: whatever runs while it is off (the
/// insert, the rollup statements) is compiled without triggers, and whatever runs after (EF's statements, the handlers'
/// updates, the next call's inserts into other tables) with them, however often SQLite recompiles it.
/// </remarks>
internal sealed class SqliteInsertRollups : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt[] _add;

    private SqliteInsertRollups(sqlite3 db, IEnumerable<RollupTable> rollups)
    {
        _db = db;
        _add = [.. rollups.Select(t => Prepare(RollupTriggers.SqliteAddInserted(t)))];
    }

    /// <summary>The rollups whose source is <paramref name="table"/> (its undelimited name), or null when it is none's.</summary>
    public static SqliteInsertRollups? For(sqlite3 db, string table) =>
        RollupTable.All.Where(t => t.Source == table).ToList() is { Count: > 0 } rollups ? new SqliteInsertRollups(db, rollups) : null;

    /// <summary>
    /// Turns the connection's triggers off until the returned scope ends; null (nothing changed) when they are off already:
    /// then the caller's inserts run as before, without triggers and without rollups, as the triggers would have left them.
    /// </summary>
    public SqliteTriggerSwitch.Off? TurnTriggersOff() => SqliteTriggerSwitch.TurnOff(_db, Keeping);

    /// <summary>Adds the contributions of the rows with ids <paramref name="first"/> to <paramref name="last"/> to every rollup.</summary>
    public void Add(long first, long last)
    {
        foreach (var statement in _add)
        {
            try
            {
                Check(raw.sqlite3_bind_int64(statement, 1, first));
                Check(raw.sqlite3_bind_int64(statement, 2, last));
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE) Check(rc);
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }
    }

    private const string Keeping = "keeping the rollups of a bulk insert";

    private sqlite3_stmt Prepare(string sql) => SqliteCalls.Prepare(_db, sql, Keeping);

    private void Check(int rc) => SqliteCalls.Check(_db, rc, raw.SQLITE_OK, Keeping);

    public void Dispose()
    {
        foreach (var statement in _add) statement.Dispose();
    }
}
