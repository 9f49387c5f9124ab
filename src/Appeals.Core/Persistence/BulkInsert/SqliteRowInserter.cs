using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    private readonly string _writing; // what an error says the writer was doing
    private readonly Func<T, SqliteStatement, int, int>?[] _binders;
    private readonly SqliteStatement _insert;
    private readonly sqlite3_stmt _maxId;
    // A rollup source's rollups, kept by this writer rather than by its insert triggers (ADR 0151); null for other tables.
    private readonly SqliteInsertRollups? _rollups;
    private readonly Func<T, long>? _idOf;

    public SqliteRowInserter(SqliteConnection connection, IEntityType entity, ISqlGenerationHelper sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection must be open.");
        _model = new ModelTable<T>(entity, sql);
        _writing = $"writing {_model.Table}";
        _binders = _model.Columns.Select(SqliteBinder.For).ToArray();
        _insert = new SqliteStatement(Prepare(_model.InsertSql(1)));
        _maxId = Prepare($"SELECT MAX({_model.Key}) FROM {_model.Table}");
        _rollups = SqliteInsertRollups.For(_db, entity.GetTableName()!);
        if (_rollups is not null)
        {
            var row = Expression.Parameter(typeof(T));
            var key = Expression.Property(row, entity.FindPrimaryKey()!.Properties[0].PropertyInfo!);
            _idOf = Expression.Lambda<Func<T, long>>(Expression.Convert(key, typeof(long)), row).Compile();
        }
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
        var inserted = 0;
        if (_rollups is null || !Consecutive(rows, out var first))
        {
            InsertRows(rows, sealedPhi, ref inserted);
            return;
        }
        // ADR 0151: the rows go in without their insert triggers, and their rollups are added by one statement per rollup.
        using var triggersOff = _rollups.TurnTriggersOff();
        if (triggersOff is null)
        {
            // The triggers were off before: the rows get no rollups, as before.
            InsertRows(rows, sealedPhi, ref inserted);
            return;
        }
        try
        {
            InsertRows(rows, sealedPhi, ref inserted);
        }
        finally
        {
            // A row SQLite refused left the rows before it stored, with what their triggers would have added to the rollups.
            if (inserted > 0) _rollups.Add(first, first + inserted - 1);
        }
    }

    // The rollups are added by id range: the rows' ids must be that whole range (the ids after the largest, as Reserve gives
    // them), so that the range holds no other row once they are all in (a stored row with one of their ids refuses the insert).
    private bool Consecutive(IReadOnlyList<T> rows, out long first)
    {
        first = 0;
        if (rows.Count == 0) return false;
        first = _idOf!(rows[0]);
        for (var i = 1; i < rows.Count; i++)
            if (_idOf!(rows[i]) != first + i) return false;
        return true;
    }

    private void InsertRows(IReadOnlyList<T> rows, Privacy.SealedClaimPhi? sealedPhi, ref int inserted)
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
                var error = SqliteCalls.Error(_db, stepped, _writing);
                _insert.Reset();
                throw error;
            }
            _insert.Reset();
            inserted++;
        }
    }

    private sqlite3_stmt Prepare(string sql) => SqliteCalls.Prepare(_db, sql, _writing);

    private void Check(int rc, int expected) => SqliteCalls.Check(_db, rc, expected, _writing);

    public void Dispose()
    {
        _insert.Dispose();
        _maxId.Dispose();
        _rollups?.Dispose();
    }
}
