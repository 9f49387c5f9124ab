using System.Globalization;
using Appeals.Core.Clock;
using Appeals.Core.Persistence;

namespace Appeals.Core.Audit;

/// <summary>
/// Appends to and verifies the audit log (ADR 0085, 0086). An append that comes with the context's other pending changes
/// (a workflow move, a note) saves them in the same transaction, so the action and its row commit together or not at
/// all. An append with nothing else to save (a page view, a download, a sign-in) joins the next group commit of the
/// <see cref="AuditAppendQueue"/> when the host runs one; either way it returns once its row is committed.
/// </summary>
public sealed class AuditLog(AppealsDbContext db, TimeProvider appClock, AuditAppendQueue? queue = null)
{
    /// <summary>Rows record the real time even when the app's clock is set to another day (Clock:AsOf).</summary>
    private readonly TimeProvider _realClock = AsOfClock.RealTime(appClock);

    public async Task<AuditEntry> AppendAsync(string userName, string action, string entityType = "", string entityId = "",
        string reason = "", string details = "", CancellationToken ct = default)
    {
        var entry = Entry(new AuditRecord(userName, action, entityType, entityId, reason, details));
        if (queue is not null && db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
            await queue.AppendAsync(entry, ct);
        else
            await AuditAppender.AppendAsync(db, [entry], _realClock, ct);
        return entry;
    }

    /// <summary>
    /// Runs <paramref name="action"/> (which saves on this log's context) and appends the row <paramref name="audited"/> makes
    /// of its result in one transaction, so a move, a letter or a sign-off and its audit row commit together or not at all.
    /// <paramref name="audited"/> returns null for a refused action, which records nothing.
    /// </summary>
    public Task<T> RecordAsync<T>(Func<Task<T>> action, Func<T, AuditRecord?> audited, CancellationToken ct = default) =>
        RecordAllAsync(action, result => audited(result) is { } record ? [record] : [], ct);

    /// <summary>
    /// As <see cref="RecordAsync{T}"/>, with one row for each thing the action did (every case an import reopened, say), all
    /// in the action's transaction; none when <paramref name="audited"/> returns none.
    /// </summary>
    public async Task<T> RecordAllAsync<T>(Func<Task<T>> action, Func<T, IReadOnlyList<AuditRecord>> audited, CancellationToken ct = default)
    {
        await AuditAppender.Appending.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Across processes too, one recorded action at a time: its reads (a letter's next version, the case's state) and
            // its row see every other node's committed work (ADR 0102).
            await AuditChainLock.TakeAsync(db, ct);
            var result = await action();
            var records = audited(result);
            var checkpoint = records.Count > 0 ? await AuditAppender.AppendInTransactionAsync(db, records.Select(Entry).ToList(), _realClock, ct) : null;
            await tx.CommitAsync(ct);
            if (checkpoint is not null) db.AuditAnchor.Advance(checkpoint, AuditDatabase.Identity(db));
            return result;
        }
        finally { AuditAppender.Appending.Release(); }
    }

    private AuditEntry Entry(AuditRecord r) => new()
    {
        At = WholeMicroseconds(_realClock.GetUtcNow()), UserName = r.UserName, Action = r.Action, EntityType = r.EntityType, EntityId = r.EntityId,
        Reason = r.Reason, Details = WithAppTime(r.Details), PreviousHash = "", Hash = "",
    };

    // The row's hash covers its instant: keep only what every database stores (PostgreSQL keeps microseconds, not ticks).
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));

    /// <summary>The app's time beside the real one, when the app's clock is set to another day.</summary>
    private string WithAppTime(string details) => appClock is AsOfClock asOf
        ? (details.Length == 0 ? "" : details + "; ") + string.Create(CultureInfo.InvariantCulture, $"app clock as of {asOf.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}")
        : details;

    /// <summary>Walks every row in order against the audit key and the chain's checkpoint (<see cref="AuditVerifier"/>).</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);
}

/// <summary>The content of an audit row before it is chained: who did what to which record, why, and its facts.</summary>
public sealed record AuditRecord(string UserName, string Action, string EntityType = "", string EntityId = "", string Reason = "", string Details = "");
