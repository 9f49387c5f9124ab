using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Saves a context whose change tracker holds many modified rows of one entity type (outcomes of a later ERA,
/// a re-plan): those rows are written with one prepared UPDATE per set of changed columns, reused for every row,
/// and the rest of the changes by EF, all in one transaction.
/// </summary>
/// <remarks>
/// EF writes each modified row as its own statement text in a batch, and SQLite compiles a statement, together
/// with every trigger it fires, each time it prepares one: on <c>DenialCases</c> the dashboard rollup triggers
/// (ADR 0052) made the compiling cost more than the writing. A prepared statement is compiled once. Each UPDATE
/// checks the row's concurrency tokens as EF does, and a row that someone else changed meanwhile fails the save
/// with <see cref="DbUpdateConcurrencyException"/>, as EF's own save would. On the server providers EF's
/// batches already reuse cached plans, so they save as usual.
/// </remarks>
public static class PreparedUpdates
{
    /// <summary>Below this many modified rows EF's own save is as quick.</summary>
    public const int MinimumRows = 32;

    /// <summary>Saves every change of <paramref name="db"/>; returns the number of rows written, as <c>SaveChangesAsync</c> does.</summary>
    public static Task<int> SaveChangesAsync<T>(DbContext db, CancellationToken ct) where T : class => SaveChangesAsync<T, T>(db, ct);

    /// <summary>
    /// As <see cref="SaveChangesAsync{T}(DbContext, CancellationToken)"/>, and the added rows of <typeparamref name="TAdded"/> (rows
    /// whose key the database generates, and whose principals are already stored) are inserted with one prepared INSERT too.
    /// </summary>
    public static async Task<int> SaveChangesAsync<T, TAdded>(DbContext db, CancellationToken ct) where T : class where TAdded : class
    {
        var modified = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Modified).ToList();
        if (modified.Count < MinimumRows || !db.Database.IsSqlite()) return await db.SaveChangesAsync(ct);
        var added = typeof(TAdded) == typeof(T) ? [] : db.ChangeTracker.Entries<TAdded>().Where(e => e.State == EntityState.Added).ToList();

        return await InTransaction.RunAsync(db, async transaction =>
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            foreach (var group in modified.GroupBy(ChangedColumns))
            {
                await using var update = new RowUpdate(transaction, entity, sql, group.First().Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList());
                foreach (var entry in group) await update.WriteAsync(entry, ct);
            }
            if (added.Count > 0)
            {
                await using var insert = new RowInsert(transaction, db.Model.FindEntityType(typeof(TAdded))!, sql);
                foreach (var entry in added) await insert.WriteAsync(entry, ct);
            }
            foreach (var entry in modified.Cast<EntityEntry>().Concat(added))
            {
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
            }
            var others = await db.SaveChangesAsync(ct);
            return modified.Count + added.Count + others;
        }, ct);
    }

    private static string ChangedColumns<T>(EntityEntry<T> entry) where T : class =>
        string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));

    /// <summary>One prepared <c>UPDATE … SET changed columns WHERE key = … AND each concurrency token = its original value</c>.</summary>
    private sealed class RowUpdate : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly IReadOnlyList<IProperty> _set;
        private readonly IReadOnlyList<IProperty> _where;

        public RowUpdate(DbTransaction transaction, IEntityType entity, ISqlGenerationHelper sql, IReadOnlyList<IProperty> set)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table) ?? throw new InvalidOperationException($"{p.Name} has no column."));
            _set = set;
            _where = [.. entity.FindPrimaryKey()!.Properties, .. entity.GetProperties().Where(p => p.IsConcurrencyToken)];
            _command = transaction.Connection!.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET "
                + string.Join(", ", _set.Select((p, i) => $"{Column(p)} = @s{i}"))
                + " WHERE " + string.Join(" AND ", _where.Select((p, i) => $"{Column(p)} = @w{i}"));
        }

        public async Task WriteAsync(EntityEntry entry, CancellationToken ct)
        {
            _command.Parameters.Clear();
            for (var i = 0; i < _set.Count; i++) AddParameter(_command, $"@s{i}", _set[i], entry.CurrentValues[_set[i]]);
            for (var i = 0; i < _where.Count; i++) AddParameter(_command, $"@w{i}", _where[i], entry.OriginalValues[_where[i]]);
            if (await _command.ExecuteNonQueryAsync(ct) != 1)
                throw new DbUpdateConcurrencyException(
                    $"The {entry.Metadata.DisplayName()} row was changed or deleted by someone else since it was read; nothing was saved.");
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
    /// <summary>One prepared <c>INSERT … RETURNING key</c> of every column but the generated key; the key read back goes on the entry.</summary>
    private sealed class RowInsert : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly IProperty _key;
        private readonly IReadOnlyList<IProperty> _columns;

        public RowInsert(DbTransaction transaction, IEntityType entity, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _key = entity.FindPrimaryKey()!.Properties.Single();
            if (_key.ValueGenerated != ValueGenerated.OnAdd)
                throw new InvalidOperationException($"{entity.DisplayName()}'s key is not generated by the database.");
            _columns = entity.GetProperties().Where(p => p != _key && p.GetColumnName(table) is not null).ToList();
            _command = transaction.Connection!.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
                + string.Join(", ", _columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))
                + ") VALUES (" + string.Join(", ", _columns.Select((_, i) => $"@c{i}"))
                + $") RETURNING {sql.DelimitIdentifier(_key.GetColumnName(table)!)}";
        }

        public async Task WriteAsync(EntityEntry entry, CancellationToken ct)
        {
            _command.Parameters.Clear();
            for (var i = 0; i < _columns.Count; i++) AddParameter(_command, $"@c{i}", _columns[i], entry.CurrentValues[_columns[i]]);
            var id = await _command.ExecuteScalarAsync(ct);
            entry.CurrentValues[_key] = Convert.ChangeType(id, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    private static void AddParameter(DbCommand command, string name, IProperty property, object? value)
    {
        // CreateParameter applies the mapping's value converter itself: the model value goes in (converted twice, the
        // status enum's code would be read back as a status and fail).
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
    }
}
