using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Runs writes that go around EF's change tracker in the context's current transaction, or in one of their own that
/// commits when they end: a caller that already holds the import's transaction keeps it all-or-nothing.
/// </summary>
public static class InTransaction
{
    public static async Task<T> RunAsync<T>(DbContext db, Func<DbTransaction, Task<T>> write, CancellationToken ct)
    {
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await write(db.Database.CurrentTransaction!.GetDbTransaction());
            if (owned is not null) await owned.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    public static Task RunAsync(DbContext db, Func<DbTransaction, Task> write, CancellationToken ct) =>
        RunAsync(db, async transaction => { await write(transaction); return true; }, ct);
}
