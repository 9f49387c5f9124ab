using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The provider-neutral bulk writer (used on SQL Server): prepared multi-row INSERT commands with
/// parameters typed by the model's mappings, bypassing change tracking.
/// </summary>
internal sealed class TableInserter<T> : IRowInserter<T> where T : class
{
    private readonly DbConnection _connection;
    private readonly ModelTable<T> _model;
    private readonly int _rowsPerBatch;
    private readonly bool _sqlServer;
    private DbCommand? _batch;
    private DbCommand? _single;

    public TableInserter(DbConnection connection, IEntityType entity, ISqlGenerationHelper sql, bool sqlServer)
    {
        _connection = connection;
        _sqlServer = sqlServer;
        _model = new ModelTable<T>(entity, sql);
        // SQL Server takes at most 2,100 parameters and 1,000 rows per INSERT.
        _rowsPerBatch = Math.Clamp(2000 / _model.Columns.Length, 1, 100);
    }

    public IdBlock Reserve(int count, DbTransaction transaction) => IdBlock.After(MaxId(transaction));

    private long MaxId(DbTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        // On SQL Server the range lock makes a second importer wait instead of taking the same ids.
        command.CommandText = _sqlServer
            ? $"SELECT MAX({_model.Key}) FROM {_model.Table} WITH (UPDLOCK, HOLDLOCK)"
            : $"SELECT MAX({_model.Key}) FROM {_model.Table}";
        command.Transaction = transaction;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    public void Insert(IReadOnlyList<T> rows, DbTransaction transaction, Privacy.SealedClaimPhi? sealedPhi = null)
    {
        if (rows.Count == 0) return;
        var phi = sealedPhi is not null && sealedPhi.Covers(rows) ? sealedPhi : null;
        // Ids are ours (ADR 0020): SQL Server must be told to accept them in an identity column.
        if (_sqlServer) Execute($"SET IDENTITY_INSERT {_model.Table} ON", transaction);
        var i = 0;
        if (rows.Count >= _rowsPerBatch)
        {
            _batch ??= Prepare(_rowsPerBatch);
            _batch.Transaction = transaction;
            for (; i + _rowsPerBatch <= rows.Count; i += _rowsPerBatch)
            {
                for (var r = 0; r < _rowsPerBatch; r++) Bind(_batch, r, rows, i + r, phi);
                _batch.ExecuteNonQuery();
            }
        }
        if (i < rows.Count)
        {
            _single ??= Prepare(1);
            _single.Transaction = transaction;
            for (; i < rows.Count; i++)
            {
                Bind(_single, 0, rows, i, phi);
                _single.ExecuteNonQuery();
            }
        }
        if (_sqlServer) Execute($"SET IDENTITY_INSERT {_model.Table} OFF", transaction);
    }

    private void Bind(DbCommand command, int row, IReadOnlyList<T> rows, int index, Privacy.SealedClaimPhi? phi)
    {
        var columns = _model.Columns;
        var offset = row * columns.Length;
        for (var c = 0; c < columns.Length; c++)
            command.Parameters[offset + c].Value = columns[c].Read(rows[index], index, phi) ?? DBNull.Value;
    }

    private DbCommand Prepare(int rows)
    {
        var command = _connection.CreateCommand();
        command.CommandText = _model.InsertSql(rows);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < _model.Columns.Length; c++)
            {
                var column = _model.Columns[c];
                command.Parameters.Add(column.Mapping.CreateParameter(command, $"@p{r}_{c}", null, column.Nullable));
            }
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
}
