using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Appeals.Core.Privacy;

/// <summary>
/// Connects a context's database to its <see cref="PhiProtector"/>'s data keys: before a save, the current data key's
/// row is stored (so no value reaches the database before the key that opens it); when a connection opens, the
/// database is remembered as a place to look up data keys other processes created.
/// </summary>
internal sealed class PhiKeyInterceptor(PhiProtector protector) : SaveChangesInterceptor, IDbConnectionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) protector.Keys.EnsureStored(db);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await protector.Keys.EnsureStoredAsync(db, cancellationToken);
        return result;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Remember(connection, eventData);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Remember(connection, eventData);
        return Task.CompletedTask;
    }

    private void Remember(DbConnection connection, ConnectionEndEventData eventData) =>
        protector.Keys.AddSource(connection, eventData.Context?.Database.GetConnectionString() ?? connection.ConnectionString);
}
