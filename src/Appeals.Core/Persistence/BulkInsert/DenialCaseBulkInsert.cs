using Appeals.Core.Denials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// New cases written by the import's own DenialCases inserter (ids after the largest, one prepared multi-row insert per
/// batch) instead of EF's change tracker: what an import handler that opens many cases (underpayments, issue 16) uses so
/// that opening them costs about what the import's denial cases cost.
/// </summary>
public static class DenialCaseBulkInsert
{
    /// <summary>
    /// Gives <paramref name="cases"/> their ids and inserts them, in the context's current transaction or in one of its own;
    /// the cases are not tracked. Related rows (transitions, notes) are not written: the cases must be new and bare.
    /// </summary>
    public static async Task InsertAsync(AppealsDbContext db, IReadOnlyList<DenialCase> cases, CancellationToken ct = default)
    {
        if (cases.Count == 0) return;
        db.Phi?.Keys.EnsureStored(db);
        await InTransaction.RunAsync(db, tx =>
        {
            using var inserter = RemittanceTables.InserterFor<DenialCase>(db);
            var ids = inserter.Reserve(cases.Count, tx);
            foreach (var c in cases) c.Id = ids.Next();
            inserter.Insert(cases, tx);
            return Task.CompletedTask;
        }, ct);
    }
}
