using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The SQLite bulk writer: one prepared single-row INSERT per table on the connection's native handle,
/// bound by position and stepped once per row. ADO.NET's per-command work (a data reader per execute,
/// parameters bound by name, values boxed) costs more than SQLite itself spends on a row, so the hot
/// path talks to SQLite directly, inside the transaction the importer began on the same connection.
/// </summary>
internal sealed class SqliteRowInserter<T> : IRowInserter<T> where T : class
{
    private readonly sqlite3 _db;
    private readonly ModelTable<T> _model;
    private readonly Func<T, SqliteStatement, int, int>?[] _binders;
    private readonly SqliteStatement _insert;
    private readonly sqlite3_stmt _maxId;

    public SqliteRowInserter(SqliteConnection connection, IEntityType entity, ISqlGenerationHelper sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection must be open.");
        _model = new ModelTable<T>(entity, sql);
        _binders = _model.Columns.Select(SqliteBinder.For).ToArray();
        _insert = new SqliteStatement(Prepare(_model.InsertSql(1)));
        _maxId = Prepare($"SELECT MAX({_model.Key}) FROM {_model.Table}");
    }

    // SQLite has one writer: the importer's transaction (BEGIN IMMEDIATE) already holds the write lock.
    public IdBlock Reserve(int count, DbTransaction transaction) => IdBlock.After(MaxId());

    private long MaxId()
    {
        try
        {
            Check(raw.sqlite3_step(_maxId), raw.SQLITE_ROW);
            return raw.sqlite3_column_type(_maxId, 0) == raw.SQLITE_NULL ? 0 : raw.sqlite3_column_int64(_maxId, 0);
        }
        finally
        {
            raw.sqlite3_reset(_maxId);
        }
    }

    public void Insert(IReadOnlyList<T> rows, DbTransaction transaction, Privacy.SealedClaimPhi? sealedPhi = null)
    {
        var columns = _model.Columns;
        var phi = sealedPhi is not null && sealedPhi.Covers(rows) ? sealedPhi : null;
        using var batch = _insert.BeginBatch();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            _insert.BeginRow();
            for (var c = 0; c < columns.Length; c++)
            {
                var rc = _binders[c] is { } bind ? bind(row, _insert, c + 1) : SqliteBinder.BindObject(_insert, c + 1, columns[c].Read(row, i, phi));
                if (rc != raw.SQLITE_OK) Check(rc, raw.SQLITE_OK);
            }
            var stepped = _insert.Step();
            if (stepped != raw.SQLITE_DONE)
            {
                // The error message is read before the reset, as the statement's error is the connection's until then.
                var error = Error(stepped);
                _insert.Reset();
                throw error;
            }
            _insert.Reset();
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement), raw.SQLITE_OK);
        return statement;
    }

    private void Check(int rc, int expected)
    {
        if (rc != expected) throw Error(rc);
    }

    private SqliteException Error(int rc) =>
        new($"SQLite error {rc} writing {_model.Table}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(_db));

    public void Dispose()
    {
        _insert.Dispose();
        _maxId.Dispose();
    }
}
