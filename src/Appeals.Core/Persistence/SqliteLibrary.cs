using SQLitePCL;

namespace Appeals.Core.Persistence;

/// <summary>
/// How a process that gives each SQLite connection to one thread at a time sets up the SQLite library before its
/// first connection (ADR 0140): multi-thread mode, so that SQLite does not lock a connection's mutex around every
/// call (each bind, step and reset of the bulk writer), and no memory statistics, so that its allocator takes no
/// global mutex either. Microsoft.Data.Sqlite and EF Core never use one connection from two threads at once. Each
/// connection also gets a larger lookaside allocator (ADR 0142).
/// </summary>
public static class SqliteLibrary
{
    private const int LookasideSlotBytes = 1200; // SQLite's default slot size
    private const int LookasideSlots = 1000;

    /// <summary>
    /// Applies the settings; true when they took effect. SQLite takes them only before it is initialised (before the
    /// process's first connection): afterwards this changes nothing and returns false, and SQLite stays serialised.
    /// </summary>
    public static bool UseOneThreadPerConnection()
    {
        Batteries_V2.Init();
        if (raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) != raw.SQLITE_OK) return false;
        if (raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) != raw.SQLITE_OK) return false;
        // Every connection gets 1,000 lookaside slots of 1,200 bytes (ADR 0142): SQLite's default lookaside (it held at
        // most 123 allocations at once) is kept taken by the prepared statements of the bulk writer and its triggers, and
        // 84 % of a 200,000-claim import's small allocations (16.7 million) fell through to malloc and free. Where the
        // call cannot be made (another provider, Apple's arm64), SQLite keeps its default: slower, not wrong.
        if (raw.GetNativeLibraryName() == "e_sqlite3") SqliteNative.Config(raw.SQLITE_CONFIG_LOOKASIDE, LookasideSlotBytes, LookasideSlots);
        return true;
    }
}
