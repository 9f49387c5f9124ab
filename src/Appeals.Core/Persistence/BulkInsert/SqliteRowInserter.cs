using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The SQLite bulk writer: one prepared single-row INSERT per table on the connection's native handle,
/// bound by position and stepped once per row. ADO.NET's per-command work (a data reader per execute,
/// parameters bound by name) costs several times what SQLite itself spends on a row, so the hot path
/// talks to SQLite directly. Values are written exactly as Microsoft.Data.Sqlite writes them (text for
/// decimal, dates, instants and GUIDs), which a test checks against rows written by EF.
/// </summary>
internal sealed class SqliteRowInserter<T> : IRowInserter<T> where T : class
{
    private readonly sqlite3 _db;
    private readonly ModelTable<T> _model;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _maxId;

    public SqliteRowInserter(SqliteConnection connection, IEntityType entity, ISqlGenerationHelper sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection must be open.");
        _model = new ModelTable<T>(entity, sql);
        _insert = Prepare(_model.InsertSql(1));
        _maxId = Prepare($"SELECT MAX({_model.Key}) FROM {_model.Table}");
    }

    // SQLite has one writer: the importer's transaction (BEGIN IMMEDIATE) already holds the write lock.
    public long MaxId(DbTransaction transaction)
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

    public void Insert(IReadOnlyList<T> rows, DbTransaction transaction)
    {
        var columns = _model.Columns;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            for (var c = 0; c < columns.Length; c++) Bind(c + 1, columns[c].Read(row));
            try
            {
                Check(raw.sqlite3_step(_insert), raw.SQLITE_DONE);
            }
            finally
            {
                raw.sqlite3_reset(_insert);
            }
        }
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_insert, index),
            string s => s.Length == 0 ? raw.sqlite3_bind_text(_insert, index, "") : raw.sqlite3_bind_text16(_insert, index, s.AsSpan()),
            long l => raw.sqlite3_bind_int64(_insert, index, l),
            int n => raw.sqlite3_bind_int64(_insert, index, n),
            bool b => raw.sqlite3_bind_int64(_insert, index, b ? 1 : 0),
            decimal d => BindDecimal(index, d),
            double f => raw.sqlite3_bind_double(_insert, index, f),
            DateOnly day => BindDate(index, day),
            DateTimeOffset t => raw.sqlite3_bind_text16(_insert, index, t.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture).AsSpan()),
            Guid g => raw.sqlite3_bind_text16(_insert, index, g.ToString().ToUpperInvariant().AsSpan()),
            byte[] bytes => raw.sqlite3_bind_blob(_insert, index, bytes),
            _ => throw new NotSupportedException($"The SQLite bulk writer cannot bind a {value.GetType().Name} ({_model.Table} column {index})."),
        };
        if (rc != raw.SQLITE_OK) Check(rc, raw.SQLITE_OK);
    }

    /// <summary>As Microsoft.Data.Sqlite writes a decimal ("0.0###…"): at least one decimal, no trailing zeros after it.</summary>
    private int BindDecimal(int index, decimal value)
    {
        Span<char> text = stackalloc char[40];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var point = text[..length].IndexOf('.');
        if (point < 0)
        {
            text[length++] = '.';
            text[length++] = '0';
        }
        else
        {
            while (length > point + 2 && text[length - 1] == '0') length--;
        }
        return raw.sqlite3_bind_text16(_insert, index, text[..length]);
    }

    /// <summary>As Microsoft.Data.Sqlite writes a DateOnly: yyyy-MM-dd.</summary>
    private int BindDate(int index, DateOnly day)
    {
        Span<char> text = stackalloc char[10];
        day.TryFormat(text, out _, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(_insert, index, text);
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement), raw.SQLITE_OK);
        return statement;
    }

    private void Check(int rc, int expected)
    {
        if (rc == expected) return;
        throw new SqliteException($"SQLite error {rc} writing {_model.Table}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose()
    {
        _insert.Dispose();
        _maxId.Dispose();
    }
}
