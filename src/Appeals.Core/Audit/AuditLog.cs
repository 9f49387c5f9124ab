using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Audit;

/// <summary>
/// Appends to and verifies the audit log. An append saves the context's other pending changes in the
/// same transaction, so a workflow move and its audit row commit together or not at all.
/// </summary>
public sealed class AuditLog(AppealsDbContext db, TimeProvider clock)
{
    // One appender at a time in this process; across processes the unique PreviousHash index refuses a fork and the append retries.
    private static readonly SemaphoreSlim Appending = new(1, 1);

    public async Task<AuditEntry> AppendAsync(string userName, string action, string entityType = "", string entityId = "",
        string reason = "", string details = "", CancellationToken ct = default)
    {
        await Appending.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var entry = new AuditEntry
                {
                    At = clock.GetUtcNow(), UserName = userName, Action = action, EntityType = entityType, EntityId = entityId,
                    Reason = reason, Details = details, PreviousHash = "", Hash = "",
                };
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                entry.PreviousHash = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct)
                                     ?? AuditChain.Genesis;
                entry.Hash = AuditChain.ComputeHash(entry);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return entry;
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 5)
                {
                    // Another process appended after our read: take the new tail and try again.
                    await tx.RollbackAsync(ct);
                    db.Entry(entry).State = EntityState.Detached;
                }
            }
        }
        finally { Appending.Release(); }
    }

    /// <summary>Walks every row in order, recomputing each hash and checking each link to the row before.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var previous = AuditChain.Genesis;
        long rows = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            if (entry.PreviousHash != previous)
                return new(false, rows, entry.Id, $"row {entry.Id} does not follow the row before it (a row was deleted, inserted or reordered)");
            if (AuditChain.ComputeHash(entry) != entry.Hash)
                return new(false, rows, entry.Id, $"row {entry.Id} was changed after it was written");
            previous = entry.Hash;
        }
        return AuditVerification.Ok(rows);
    }
}
