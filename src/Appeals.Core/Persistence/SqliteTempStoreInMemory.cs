using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Appeals.Core.Persistence;

/// <summary>
/// Sets <c>PRAGMA temp_store=MEMORY</c> on every SQLite connection EF opens. The dashboard rollup triggers (ADR 0052)
/// make each write statement keep a statement journal; in a temp file on disk that cost milliseconds per row, so a
/// workflow move, a deadline sweep or a re-plan over many cases was slow. The pragma is per connection, hence here.
/// </summary>
/// <remarks>
/// Once per physical connection, not per open: EF opens and closes its connection around every query, and
/// Microsoft.Data.Sqlite hands back the same pooled database handle each time, which keeps the setting. Running the pragma
/// on every open was one statement more per query (seventeen more per case page view).
/// </remarks>
public sealed class SqliteTempStoreInMemory : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA temp_store=MEMORY;";

    /// <summary>The database handles already set; weak, so that a handle closed by the pool is not kept alive.</summary>
    private readonly ConditionalWeakTable<object, object> _set = [];

    /// <summary>The one instance.</summary>
    public static SqliteTempStoreInMemory Instance { get; } = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    /// <summary>Whether this open got a database handle that was set before (a connection the pool handed back).</summary>
    private bool IsSet(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _set.AddOrUpdate(handle, this);
    }
}
