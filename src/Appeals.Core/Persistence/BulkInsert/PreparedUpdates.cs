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
    public static async Task<int> SaveChangesAsync<T>(DbContext db, CancellationToken ct) where T : class
    {
        var modified = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Modified).ToList();
        if (modified.Count < MinimumRows || !db.Database.IsSqlite()) return await db.SaveChangesAsync(ct);

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            foreach (var group in modified.GroupBy(ChangedColumns))
            {
                await using var update = new RowUpdate(transaction, entity, sql, group.First().Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList());
                foreach (var entry in group) await update.WriteAsync(entry, ct);
            }
            foreach (var entry in modified)
            {
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
            }
            var others = await db.SaveChangesAsync(ct);
            if (owned is not null) await owned.CommitAsync(ct);
            return modified.Count + others;
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
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
            for (var i = 0; i < _set.Count; i++) Add($"@s{i}", _set[i], entry.CurrentValues[_set[i]]);
            for (var i = 0; i < _where.Count; i++) Add($"@w{i}", _where[i], entry.OriginalValues[_where[i]]);
            if (await _command.ExecuteNonQueryAsync(ct) != 1)
                throw new DbUpdateConcurrencyException(
                    $"The {entry.Metadata.DisplayName()} row was changed or deleted by someone else since it was read; nothing was saved.");
        }

        private void Add(string name, IProperty property, object? value)
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            _command.Parameters.Add(mapping.CreateParameter(_command, name, value, property.IsNullable));
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
