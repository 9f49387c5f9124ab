using SQLitePCL;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Turns a SQLite connection's triggers off for a scope (<c>SQLITE_DBCONFIG_ENABLE_TRIGGER</c>), for writers that keep the
/// rollups themselves (ADR 0151, 0159). SQLite reads the setting when it compiles a statement, and any change of it expires
/// every prepared statement of the connection, which is compiled again at its next step under the setting of that moment:
/// so the scope must cover the execution of the statements that are to run without triggers, not only their preparation.
/// </summary>
internal static class SqliteTriggerSwitch
{
    private const int EnableTrigger = 1003; // SQLITE_DBCONFIG_ENABLE_TRIGGER

    /// <summary>
    /// Turns the triggers off until the returned scope ends; null (nothing changed) when they are off already: then the
    /// caller's statements run without triggers and the caller keeps no rollups, as the triggers would have left them.
    /// </summary>
    public static Off? TurnOff(sqlite3 db, string doing)
    {
        if (Set(db, -1, doing) == 0) return null;
        Set(db, 0, doing);
        return new Off(db, doing);
    }

    private static int Set(sqlite3 db, int setting, string doing)
    {
        SqliteCalls.Check(db, raw.sqlite3_db_config(db, EnableTrigger, setting, out var now), raw.SQLITE_OK, doing);
        return now;
    }

    /// <summary>Triggers off for the scope: turned back on when it ends, whether the statements succeeded or not.</summary>
    public sealed class Off(sqlite3 db, string doing) : IDisposable
    {
        public void Dispose() => Set(db, 1, doing);
    }
}
