using SQLitePCL;

namespace Appeals.Core.Persistence;

/// <summary>
/// How a process that gives each SQLite connection to one thread at a time sets up the SQLite library before its
/// first connection (ADR 0140): multi-thread mode, so that SQLite does not lock a connection's mutex around every
/// call (each bind, step and reset of the bulk writer), and no memory statistics, so that its allocator takes no
/// global mutex either. Microsoft.Data.Sqlite and EF Core never use one connection from two threads at once.
/// </summary>
public static class SqliteLibrary
{
    /// <summary>
    /// Applies the settings; true when they took effect. SQLite takes them only before it is initialised (before the
    /// process's first connection): afterwards this changes nothing and returns false, and SQLite stays serialised.
    /// </summary>
    public static bool UseOneThreadPerConnection()
    {
        Batteries_V2.Init();
        if (raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) != raw.SQLITE_OK) return false;
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}
