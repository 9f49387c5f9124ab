using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Appeals.Core.Imports;

/// <summary>
/// Which writer imports a file right now, across nodes (ADR 0111). On PostgreSQL: a session advisory lock on the file's
/// hash, taken on a connection of its own and held while the file is imported. A second node that meets the lock
/// counts the file as a duplicate instead of importing it beside the first (a record still saying Importing is then
/// another node's work, not a stopped import to resume). A node that dies loses its connection and the lock with it,
/// so the next import of the file resumes what it left. SQLite has one writer and SQL Server is not run here:
/// nothing to take.
/// </summary>
internal sealed class FileImportClaim : IAsyncDisposable
{
    public static readonly FileImportClaim None = new(null, 0);

    private readonly NpgsqlConnection? _connection;
    private readonly long _key;

    private FileImportClaim(NpgsqlConnection? connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>The claim on the file of <paramref name="hash"/> (hex SHA-256), or null when another writer holds it.</summary>
    public static async Task<FileImportClaim?> TryTakeAsync(AppealsDbContext db, string hash, CancellationToken ct)
    {
        if (AppealsDatabase.ProviderOf(db.Database) != DatabaseProvider.PostgreSql) return None;
        var key = Convert.ToInt64(hash[..16], 16);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            if (await take.ExecuteScalarAsync(ct) is true) return new FileImportClaim(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            // Closing would end the lock too (the pool resets the session); unlocking first says so plainly.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await release.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }
        await _connection.DisposeAsync();
    }
}
