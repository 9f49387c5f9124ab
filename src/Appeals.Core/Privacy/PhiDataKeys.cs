using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Privacy;

/// <summary>
/// The data keys of one <see cref="PhiProtector"/> (ADR 0071). Writing uses one key per protector, i.e. per
/// process, created on first use; <see cref="EnsureStored"/> inserts its row into a database before that database
/// receives a value sealed with it (EF: the save interceptor; bulk import: <c>RemittanceTables</c>). Reading
/// unprotects each key once and caches it; a key this process did not create is read from the databases
/// its contexts opened.
/// </summary>
internal sealed class PhiDataKeys(IDataProtector keyProtector, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, byte[]> _clearKeys = new();
    private readonly ConcurrentDictionary<string, bool> _storedIn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DbProviderFactory> _sources = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _storing = new(1, 1);
    private readonly Lazy<PhiDataKey> _current = new(() => Create(keyProtector, time), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The key new values are sealed with.</summary>
    public PhiDataKey Current
    {
        get
        {
            var key = _current.Value;
            _clearKeys.TryAdd(key.Id, key.Key);
            return key;
        }
    }

    /// <summary>The clear key of <paramref name="id"/>; <see cref="CryptographicException"/> when it is nowhere or this key ring cannot unprotect it.</summary>
    public byte[] Find(Guid id)
    {
        if (_clearKeys.TryGetValue(id, out var key)) return key;
        foreach (var (connectionString, factory) in _sources)
        {
            if (Read(factory, connectionString, id) is not { } stored) continue;
            key = keyProtector.Unprotect(stored);
            _clearKeys.TryAdd(id, key);
            return key;
        }
        throw new CryptographicException("The data key of this value is in no PhiDataKeys table this process has opened.");
    }

    /// <summary>Remembers a database to look unknown keys up in (each context's connection, once).</summary>
    public void AddSource(DbConnection connection, string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString) || _sources.ContainsKey(connectionString)) return;
        if (DbProviderFactories.GetFactory(connection) is { } factory) _sources.TryAdd(connectionString, factory);
    }

    /// <summary>
    /// Inserts the current key's row into the context's database unless it is known to be there. Outside a transaction
    /// the insert commits at once and is remembered; inside one it is repeated (insert-if-absent) on every call,
    /// because a rollback would take the row away with the values.
    /// </summary>
    public void EnsureStored(DbContext db)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (_storedIn.ContainsKey(connectionString)) return;
        _storing.Wait();
        try
        {
            if (_storedIn.ContainsKey(connectionString)) return;
            var (sql, args) = Insert(db, Current);
            db.Database.ExecuteSqlRaw(sql, args);
            if (db.Database.CurrentTransaction is null) _storedIn.TryAdd(connectionString, true);
        }
        finally
        {
            _storing.Release();
        }
    }

    /// <inheritdoc cref="EnsureStored"/>
    public async Task EnsureStoredAsync(DbContext db, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (_storedIn.ContainsKey(connectionString)) return;
        await _storing.WaitAsync(ct);
        try
        {
            if (_storedIn.ContainsKey(connectionString)) return;
            var (sql, args) = Insert(db, Current);
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
            if (db.Database.CurrentTransaction is null) _storedIn.TryAdd(connectionString, true);
        }
        finally
        {
            _storing.Release();
        }
    }

    private static PhiDataKey Create(IDataProtector keyProtector, TimeProvider time)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return new PhiDataKey { Id = Guid.NewGuid(), Key = key, ProtectedKey = keyProtector.Protect(key), CreatedAt = time.GetUtcNow() };
    }

    private static (string Sql, object[] Args) Insert(DbContext db, PhiDataKey key) =>
        (db.Database.IsSqlite()
            ? "INSERT OR IGNORE INTO PhiDataKeys (Id, ProtectedKey, CreatedAt) VALUES ({0}, {1}, {2})"
            // PostgreSQL folds bare names to lower case: EF's tables are quoted.
            : db.Database.IsNpgsql()
            ? "INSERT INTO \"PhiDataKeys\" (\"Id\", \"ProtectedKey\", \"CreatedAt\") VALUES ({0}, {1}, {2}) ON CONFLICT (\"Id\") DO NOTHING"
            : "IF NOT EXISTS (SELECT 1 FROM PhiDataKeys WHERE Id = {0}) INSERT INTO PhiDataKeys (Id, ProtectedKey, CreatedAt) VALUES ({0}, {1}, {2})",
            [key.Id, key.ProtectedKey, key.CreatedAt]);

    private static byte[]? Read(DbProviderFactory factory, string connectionString, Guid id)
    {
        try
        {
            using var connection = factory.CreateConnection()!;
            // Never create a SQLite file that is gone (a test's deleted folder): open existing files only.
            connection.ConnectionString = factory is SqliteFactory
                ? new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString()
                : connectionString;
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"ProtectedKey\" FROM \"PhiDataKeys\" WHERE \"Id\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            // EF stores a Guid as upper-case text on SQLite and as uniqueidentifier on SQL Server.
            parameter.Value = factory is SqliteFactory ? id.ToString().ToUpperInvariant() : id;
            command.Parameters.Add(parameter);
            return command.ExecuteScalar() as byte[];
        }
        catch (DbException)
        {
            return null; // a database that is gone or has no such table cannot hold the key; the next one may
        }
    }
}
