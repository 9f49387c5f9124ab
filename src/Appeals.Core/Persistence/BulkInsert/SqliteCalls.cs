using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Checked calls into SQLite's native API for the bulk writer's own statements (the row inserters, the rollups they keep):
/// a result other than the expected one becomes a <see cref="SqliteException"/> with SQLite's message and what the writer
/// was doing.
/// </summary>
internal static class SqliteCalls
{
    public static sqlite3_stmt Prepare(sqlite3 db, string sql, string doing)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement), raw.SQLITE_OK, doing);
        return statement;
    }

    public static void Check(sqlite3 db, int rc, int expected, string doing)
    {
        if (rc != expected) throw Error(db, rc, doing);
    }

    public static SqliteException Error(sqlite3 db, int rc, string doing) =>
        new($"SQLite error {rc} {doing}: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(db));
}
