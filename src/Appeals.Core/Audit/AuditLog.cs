using Appeals.Core.Persistence;

namespace Appeals.Core.Audit;

/// <summary>
/// Appends to and verifies the audit log (ADR 0085, 0086). An append that comes with the context's other pending changes
/// (a workflow move, a note) saves them in the same transaction, so the action and its row commit together or not at
/// all. An append with nothing else to save (a page view, a download, a sign-in) joins the next group commit of the
/// <see cref="AuditAppendQueue"/> when the host runs one; either way it returns once its row is committed.
/// </summary>
public sealed class AuditLog(AppealsDbContext db, TimeProvider clock, AuditAppendQueue? queue = null)
{
    public async Task<AuditEntry> AppendAsync(string userName, string action, string entityType = "", string entityId = "",
        string reason = "", string details = "", CancellationToken ct = default)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(), UserName = userName, Action = action, EntityType = entityType, EntityId = entityId,
            Reason = reason, Details = details, PreviousHash = "", Hash = "",
        };
        if (queue is not null && db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
            await queue.AppendAsync(entry, ct);
        else
            await AuditAppender.AppendAsync(db, [entry], clock, ct);
        return entry;
    }

    /// <summary>Walks every row in order against the audit key and the chain's checkpoint (<see cref="AuditVerifier"/>).</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);
}
