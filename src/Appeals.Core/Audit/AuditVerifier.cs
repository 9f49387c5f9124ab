using System.Globalization;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Audit;

/// <summary>
/// Checks the whole audit log (ADR 0085): every row links to the one before it and carries the HMAC of its content under
/// the audit key, and the chain still reaches its signed checkpoint with the same hash and row count there, so edited,
/// deleted, inserted, reordered, recomputed and truncated rows are all found.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppealsDbContext db, CancellationToken ct = default)
    {
        var anchor = db.AuditAnchor;
        var key = anchor.Key;
        var previous = AuditChain.Genesis;
        long rows = 0, lastId = 0;
        var keyed = false;
        AuditCheckpoint? checkpoint = null;
        var reached = false;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            if (entry.PreviousHash != previous)
                return Broken(rows, entry.Id, $"row {entry.Id} does not follow the row before it (a row was deleted, inserted or reordered)", checkpoint);
            if (AuditChain.ComputeHash(entry, key) == entry.Hash) keyed = true;
            else if (keyed || AuditChain.ComputeUnkeyedHash(entry) != entry.Hash)
                return Broken(rows, entry.Id, $"row {entry.Id} was changed after it was written, or written without the audit key of this key ring", checkpoint);
            if (rows == 1)
            {
                checkpoint = anchor.ReadCheckpoint(entry.Hash);
                if (checkpoint is not null && !checkpoint.IsSignedWith(key))
                    return Broken(rows, entry.Id, "the checkpoint of this log is not signed with the audit key (it was edited or replaced)", null);
            }
            if (checkpoint is not null && entry.Id == checkpoint.LastId)
            {
                if (entry.Hash != checkpoint.LastHash || rows != checkpoint.Count)
                    return Broken(rows, entry.Id, $"row {entry.Id} is not the row the checkpoint of {Stamp(checkpoint)} recorded ({checkpoint.Count} rows up to it, {rows} now)", checkpoint);
                reached = true;
            }
            previous = entry.Hash;
            lastId = entry.Id;
        }
        if (rows == 0 && anchor.ChainOf(AuditDatabase.Identity(db)) is { } chain && anchor.ReadCheckpoint(chain) is { Count: > 0 } emptied)
            return emptied.IsSignedWith(key)
                ? Broken(0, null, $"the log is empty, but the checkpoint of {Stamp(emptied)} recorded {emptied.Count} rows up to row {emptied.LastId}: every row was deleted", emptied)
                : Broken(0, null, "the log is empty, and the checkpoint of this database is not signed with the audit key (it was edited or replaced)", null);
        if (checkpoint is not null && !reached)
            return Broken(rows, lastId + 1, $"the log ends at row {lastId} with {rows} rows, but the checkpoint of {Stamp(checkpoint)} recorded {checkpoint.Count} rows up to row {checkpoint.LastId}: rows were deleted from the end", checkpoint);
        if (checkpoint is null && keyed)
            return Broken(rows, null, $"no checkpoint of this log was found in {anchor.CheckpointFolder ?? "memory"}: rows deleted from the end could not be detected", null);
        return AuditVerification.Ok(rows, checkpoint);
    }

    private static AuditVerification Broken(long rows, long? id, string problem, AuditCheckpoint? checkpoint) => new(false, rows, id, problem, checkpoint);

    private static string Stamp(AuditCheckpoint c) => c.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
