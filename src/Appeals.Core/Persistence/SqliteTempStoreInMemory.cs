using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Appeals.Core.Persistence;

/// <summary>
/// Sets <c>PRAGMA temp_store=MEMORY</c> on every SQLite connection EF opens. The dashboard rollup triggers (ADR 0052)
/// make each write statement keep a statement journal; in a temp file on disk that cost milliseconds per row, so a
/// workflow move, a deadline sweep or a re-plan over many cases was slow. The pragma is per connection, hence here.
/// </summary>
public sealed class SqliteTempStoreInMemory : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA temp_store=MEMORY;";

    /// <summary>The one instance: the interceptor holds no state.</summary>
    public static SqliteTempStoreInMemory Instance { get; } = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
