using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The PostgreSQL bulk writer: rows go in through binary COPY (one COPY per call, in the importer's transaction on the
/// same connection), typed by the column types the model maps; ids come from each key's identity sequence, so that
/// importers on several nodes write at once without taking the same id (ADR 0110). The rollup triggers are
/// statement-level on PostgreSQL, so a COPY of many rows updates each rollup once.
/// </summary>
internal sealed class PostgreSqlRowInserter<T> : IRowInserter<T> where T : class
{
    private readonly NpgsqlConnection _connection;
    private readonly ModelTable<T> _model;
    private readonly string _copy;
    private readonly string[] _types;
    private readonly Action<PostgreSqlCopyRows, T>[]? _encoders;
    private readonly PostgreSqlCopyRows _rows = new();
    private readonly string _sequence;
    private string? _nextIds;

    public PostgreSqlRowInserter(NpgsqlConnection connection, IEntityType entity, ISqlGenerationHelper sql)
    {
        _connection = connection;
        _model = new ModelTable<T>(entity, sql);
        _copy = $"COPY {_model.Table} ({string.Join(", ", _model.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        // Binary COPY needs each value in its column's exact type: "numeric(18,2)" is written as numeric.
        _types = _model.Columns.Select(c => BaseType(c.Mapping.StoreType)).ToArray();
        // The importer encodes the rows itself when it knows every column's type (the import's big tables), else Npgsql does.
        _encoders = _model.Columns.Select((c, i) => Encodes(c, _types[i])).All(yes => yes)
            ? _model.Columns.Select(c => Encoders.GetOrAdd((c.Property.PropertyInfo!, c.Mapping.Converter), _ => Encoder(c))).ToArray()
            : null;
        // pg_get_serial_sequence takes the table's name as SQL text and the column's name unquoted.
        var key = entity.FindPrimaryKey()!.Properties[0].GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!;
        _sequence = $"SELECT pg_get_serial_sequence('{_model.Table.Replace("'", "''")}', '{key.Replace("'", "''")}')";
    }

    /// <summary>
    /// The query that takes ids from the key's sequence, naming the sequence as a constant: looked up inside the query
    /// (pg_get_serial_sequence per row) it cost the server five times as much per id (1.8 s against 0.3 s for 145,000).
    /// </summary>
    private string NextIds(DbTransaction transaction)
    {
        if (_nextIds is null)
        {
            using var lookup = new NpgsqlCommand(_sequence, _connection, (NpgsqlTransaction)transaction);
            var sequence = lookup.ExecuteScalar() as string ?? throw new InvalidOperationException($"{_model.Table}: its key has no sequence.");
            _nextIds = $"SELECT nextval('{sequence.Replace("'", "''")}'::regclass) FROM generate_series(1, @count) ORDER BY 1";
        }
        return _nextIds;
    }

    public IdBlock Reserve(int count, DbTransaction transaction)
    {
        var ids = new long[count];
        if (count == 0) return IdBlock.Of(ids);
        using var command = new NpgsqlCommand(NextIds(transaction), _connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("count", count);
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read()) ids[i++] = reader.GetInt64(0);
        if (i != count) throw new InvalidOperationException($"{_model.Table}: the sequence gave {i} ids for {count} rows.");
        return IdBlock.Of(ids);
    }

    public void Insert(IReadOnlyList<T> rows, DbTransaction transaction, Privacy.SealedClaimPhi? sealedPhi = null)
    {
        if (rows.Count == 0) return;
        var columns = _model.Columns;
        var phi = sealedPhi is not null && sealedPhi.Covers(rows) ? sealedPhi : null;
        if (_encoders is { } encoders)
        {
            InsertEncoded(rows, columns, encoders, phi);
            return;
        }
        using var importer = _connection.BeginBinaryImport(_copy);
        for (var i = 0; i < rows.Count; i++)
        {
            importer.StartRow();
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].Read(rows[i], i, phi) is { } value) importer.Write(value, _types[c]);
                else importer.WriteNull();
            }
        }
        importer.Complete();
    }

    /// <summary>Bytes sent to the server at a time while rows are encoded.</summary>
    private const int SendAt = 1 << 18;

    private void InsertEncoded(IReadOnlyList<T> rows, ModelColumn<T>[] columns, Action<PostgreSqlCopyRows, T>[] encoders, Privacy.SealedClaimPhi? phi)
    {
        var copy = _connection.BeginRawBinaryCopy(_copy);
        var sent = false;
        try
        {
            var encoded = _rows;
            encoded.Start();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                encoded.StartRow(encoders.Length);
                for (var c = 0; c < encoders.Length; c++)
                {
                    if (phi is not null && columns[c].SealedSlot >= 0) encoded.Write(phi.Get(i, columns[c].SealedSlot));
                    else encoders[c](encoded, row);
                }
                if (encoded.Written.Length >= SendAt)
                {
                    copy.Write(encoded.Written);
                    encoded.Clear();
                }
            }
            encoded.End();
            copy.Write(encoded.Written);
            encoded.Clear();
            sent = true;
        }
        finally
        {
            // A row that could not be encoded ends the COPY unfinished: the server stores none of it.
            if (!sent)
            {
                try { copy.Cancel(); }
                catch (NpgsqlException) { } // the connection may be what failed; the first error is the one thrown
            }
            copy.Dispose(); // ends the COPY: the server's refusal (a key, a trigger) is thrown here
        }
    }

    private static readonly MethodInfo EncodeNull = typeof(PostgreSqlCopyRows).GetMethod(nameof(PostgreSqlCopyRows.WriteNull), Type.EmptyTypes)!;

    // Compiled once per property and converter per process, as the column getters are (ModelTable): the underpayment
    // handler makes a cases inserter per remittance. The converter is part of the key: the PHI columns' converters belong
    // to a key ring, and a context of another key ring has its own.
    private static readonly ConcurrentDictionary<(PropertyInfo, ValueConverter?), Action<PostgreSqlCopyRows, T>> Encoders = new();

    /// <summary>True when <see cref="PostgreSqlCopyRows"/> encodes the column's values (its provider type is the store type's).</summary>
    private static bool Encodes(ModelColumn<T> column, string storeType)
    {
        var clrType = PostgreSqlCopyRows.ClrTypeFor(storeType);
        var converter = column.Mapping.Converter;
        var model = Nullable.GetUnderlyingType(column.Property.PropertyInfo!.PropertyType) ?? column.Property.PropertyInfo.PropertyType;
        var provider = converter is null ? model : Nullable.GetUnderlyingType(converter.ProviderClrType) ?? converter.ProviderClrType;
        return clrType is not null && provider == clrType;
    }

    /// <summary>
    /// Encodes one column of a row as its provider type (the model's converter inlined, nothing boxed), for a column
    /// <see cref="Encodes"/> accepts. A null (or a nullable without a value) is NULL.
    /// </summary>
    private static Action<PostgreSqlCopyRows, T> Encoder(ModelColumn<T> column)
    {
        var converter = column.Mapping.Converter;
        var rows = Expression.Parameter(typeof(PostgreSqlCopyRows), "rows");
        var row = Expression.Parameter(typeof(T), "row");
        var writeNull = Expression.Call(rows, EncodeNull);
        Expression Write(Expression value) => Expression.Call(rows, typeof(PostgreSqlCopyRows).GetMethod(nameof(PostgreSqlCopyRows.Write), [value.Type])!, value);
        // The converter never sees a null, as EF's converters never do.
        Expression UnlessNull(Expression value, Func<Expression, Expression> then)
        {
            var underlying = Nullable.GetUnderlyingType(value.Type);
            if (value.Type.IsValueType && underlying is null) return then(value);
            var held = Expression.Variable(value.Type);
            var isNull = underlying is null
                ? (Expression)Expression.ReferenceEqual(held, Expression.Constant(null, value.Type))
                : Expression.Not(Expression.Property(held, nameof(Nullable<int>.HasValue)));
            var present = underlying is null ? (Expression)held : Expression.Property(held, nameof(Nullable<int>.Value));
            return Expression.Block([held], Expression.Assign(held, value), Expression.IfThenElse(isNull, writeNull, then(present)));
        }
        var body = UnlessNull(Expression.Property(row, column.Property.PropertyInfo!), value =>
        {
            if (converter is null) return Write(value);
            var convert = converter.ConvertToProviderExpression;
            var input = convert.Parameters[0].Type;
            return UnlessNull(Expression.Invoke(convert, value.Type == input ? value : Expression.Convert(value, input)), Write);
        });
        return Expression.Lambda<Action<PostgreSqlCopyRows, T>>(body, rows, row).Compile();
    }

    private static string BaseType(string storeType)
    {
        var paren = storeType.IndexOf('(');
        return paren < 0 ? storeType : storeType[..paren].TrimEnd();
    }

    public void Dispose()
    {
    }
}
