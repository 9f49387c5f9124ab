using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Audit;

/// <summary>
/// Writes rows at the end of the chain: one transaction that reads the tail, hashes the new rows onto it with the audit
/// key, saves them with the context's other pending changes, commits, and then moves the checkpoint on (ADR 0085, 0086).
/// </summary>
internal static class AuditAppender
{
    /// <summary>
    /// One appender at a time in this process, always taken before the database's write lock (never while holding it), so the
    /// group-commit writer and an action recorded with its row cannot wait on each other. Across processes each append takes
    /// <see cref="AuditChainLock"/> in its transaction before it reads the tail (ADR 0102); the unique PreviousHash index
    /// still refuses a fork, and the append retries.
    /// </summary>
    internal static readonly SemaphoreSlim Appending = new(1, 1);

    public static async Task AppendAsync(AppealsDbContext db, IReadOnlyList<AuditEntry> entries, TimeProvider clock, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // The caller's transaction holds the database's write lock already, so the lock above is not taken (it would be
            // taken in the wrong order); the rows commit or roll back with the caller's work, and the checkpoint catches up
            // at the next append.
            await AppendInTransactionAsync(db, entries, clock, ct);
            return;
        }
        await Appending.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    var checkpoint = await AppendInTransactionAsync(db, entries, clock, ct);
                    await tx.CommitAsync(ct);
                    db.AuditAnchor.Advance(checkpoint, AuditDatabase.Identity(db));
                    return;
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 5)
                {
                    // Another process appended after our read: take the new tail and try again.
                    await tx.RollbackAsync(ct);
                    foreach (var entry in entries) db.Entry(entry).State = EntityState.Detached;
                }
            }
        }
        finally { Appending.Release(); }
    }

    /// <summary>
    /// Reads the tail, links and HMACs the rows onto it, saves them with the context's other pending changes, and returns the
    /// checkpoint to write once the caller's transaction has committed.
    /// </summary>
    public static async Task<AuditCheckpoint> AppendInTransactionAsync(AppealsDbContext db, IReadOnlyList<AuditEntry> entries, TimeProvider clock, CancellationToken ct)
    {
        var anchor = db.AuditAnchor;
        await AuditChainLock.TakeAsync(db, ct);
        var tail = await TailAsync(db, ct);
        Link(entries, tail, anchor.Key);
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        return await NextCheckpointAsync(db, anchor, tail, entries, clock, ct);
    }

    private sealed record Tail(long Id, string Hash);
    private static Task<Tail?> TailAsync(AppealsDbContext db, CancellationToken ct) =>
        db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new Tail(e.Id, e.Hash)).FirstOrDefaultAsync(ct);

    private static void Link(IReadOnlyList<AuditEntry> entries, Tail? tail, byte[] key)
    {
        var previous = tail?.Hash ?? AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(entry, key);
            previous = entry.Hash;
        }
    }

    /// <summary>
    /// The checkpoint after these rows, read inside the transaction. The count carries on from this process's last checkpoint
    /// when the tail is the row it recorded (the usual case), so the table is counted only when another process wrote in between.
    /// </summary>
    private static async Task<AuditCheckpoint> NextCheckpointAsync(AppealsDbContext db, AuditAnchor anchor, Tail? tail,
        IReadOnlyList<AuditEntry> entries, TimeProvider clock, CancellationToken ct)
    {
        var last = entries[^1];
        var chain = tail is null ? entries[0].Hash : await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Hash).FirstAsync(ct);
        var count = anchor.LatestWritten(chain) is { } known && tail is not null && known.LastId == tail.Id
            ? known.Count + entries.Count
            : await db.AuditEntries.LongCountAsync(e => e.Id <= last.Id, ct);
        return AuditCheckpoint.Sign(chain, last.Id, last.Hash, count, clock.GetUtcNow(), anchor.Key);
    }
}
