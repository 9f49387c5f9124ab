using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Inserts rows of one entity type with prepared multi-row INSERT commands, bypassing change tracking.
/// Table, columns, value converters and parameter types all come from the EF model, so a property
/// added to an entity is written here without touching this code. Ids are supplied by the caller.
/// </summary>
internal sealed class TableInserter<T> : IDisposable where T : class
{
    private readonly DbConnection _connection;
    private readonly Column[] _columns;
    private readonly string _table;
    private readonly int _rowsPerBatch;
    private readonly bool _identityInsert;
    private readonly ISqlGenerationHelper _sql;
    private readonly string _key;
    private DbCommand? _batch;
    private DbCommand? _single;

    public TableInserter(DbConnection connection, IEntityType entity, ISqlGenerationHelper sql, int maxParameters, bool identityInsert)
    {
        _connection = connection;
        _sql = sql;
        _identityInsert = identityInsert;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        _columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(table) is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!))
            .ToArray();
        _key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName(table)!);
        _rowsPerBatch = Math.Clamp(maxParameters / _columns.Length, 1, 100);
    }

    public string TableName => _table;

    /// <summary>The largest id stored (0 for an empty table); read inside the writing transaction, which holds the write lock.</summary>
    public long MaxId(DbTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        // On SQL Server the range lock makes a second importer wait instead of taking the same ids.
        command.CommandText = _identityInsert
            ? $"SELECT MAX({_key}) FROM {_table} WITH (UPDLOCK, HOLDLOCK)"
            : $"SELECT MAX({_key}) FROM {_table}";
        command.Transaction = transaction;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Writes every row inside <paramref name="transaction"/>.</summary>
    public void Insert(IReadOnlyList<T> rows, DbTransaction transaction)
    {
        if (rows.Count == 0) return;
        if (_identityInsert) Execute($"SET IDENTITY_INSERT {_table} ON", transaction);
        var i = 0;
        if (rows.Count >= _rowsPerBatch)
        {
            _batch ??= Prepare(_rowsPerBatch);
            _batch.Transaction = transaction;
            for (; i + _rowsPerBatch <= rows.Count; i += _rowsPerBatch)
            {
                for (var r = 0; r < _rowsPerBatch; r++) Bind(_batch, r, rows[i + r]);
                _batch.ExecuteNonQuery();
            }
        }
        if (i < rows.Count)
        {
            _single ??= Prepare(1);
            _single.Transaction = transaction;
            for (; i < rows.Count; i++)
            {
                Bind(_single, 0, rows[i]);
                _single.ExecuteNonQuery();
            }
        }
        if (_identityInsert) Execute($"SET IDENTITY_INSERT {_table} OFF", transaction);
    }

    private void Bind(DbCommand command, int row, T entity)
    {
        var offset = row * _columns.Length;
        for (var c = 0; c < _columns.Length; c++)
            command.Parameters[offset + c].Value = _columns[c].Read(entity) ?? DBNull.Value;
    }

    private DbCommand Prepare(int rows)
    {
        var command = _connection.CreateCommand();
        var text = new StringBuilder("INSERT INTO ").Append(_table).Append(" (")
            .AppendJoin(", ", _columns.Select(c => _sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) text.Append(", ");
            text.Append('(');
            for (var c = 0; c < _columns.Length; c++)
            {
                if (c > 0) text.Append(", ");
                var name = $"@p{r}_{c}";
                text.Append(name);
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, name, null, _columns[c].Nullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    private void Execute(string sql, DbTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _batch?.Dispose();
        _single?.Dispose();
    }

    private sealed class Column
    {
        private readonly Func<T, object?> _get;
        private readonly ValueConverter? _converter;

        public Column(IProperty property, string name)
        {
            Name = name;
            Nullable = property.IsNullable;
            Mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            _converter = Mapping.Converter;
            var entity = Expression.Parameter(typeof(T));
            var read = Expression.Convert(Expression.Property(entity, property.PropertyInfo!), typeof(object));
            _get = Expression.Lambda<Func<T, object?>>(read, entity).Compile();
        }

        public string Name { get; }
        public bool Nullable { get; }
        public RelationalTypeMapping Mapping { get; }

        public object? Read(T entity)
        {
            var value = _get(entity);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
