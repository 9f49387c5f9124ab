using System.Data.Common;
using Appeals.Core.Denials;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Appeals.Core.Imports;

internal enum TransactionResult
{
    Stored,
    Duplicate,
    Refused,
}

internal sealed record TransactionOutcome(TransactionResult Result, int DenialCases, ImportIssue? Error)
{
    public static TransactionOutcome Duplicate { get; } = new(TransactionResult.Duplicate, 0, null);
}

/// <summary>
/// Stores one remittance (ST..SE) all-or-nothing in one database transaction, then runs the handlers. A remittance that
/// comes in parts (ADR 0090) is written part by part into one database transaction, opened at its first part and
/// committed at its last, so that memory holds one part at a time and a refusal still leaves nothing of it.
/// </summary>
internal sealed class TransactionWriter(ImportRun run, long importedFileId)
{
    private Open? _open; // the remittance being written: from its first part until its last

    /// <summary>
    /// Set by <see cref="TransactionLanes"/> on PostgreSQL when this transaction is written beside the one before it (ADR
    /// 0136): the points where it waits for that one. Null: written alone, nothing waits.
    /// </summary>
    internal WriteOrder? Order { get; set; }

    public static Task<bool> IsStoredAsync(Persistence.AppealsDbContext db, string contentHash, CancellationToken ct) =>
        db.Remittances.AsNoTracking().AnyAsync(r => r.ContentHash == contentHash, ct);

    /// <summary>
    /// Writes <paramref name="part"/>: a whole remittance, or a part of one (<paramref name="continued"/> on all but its
    /// last). Returns null while more parts are to come, and the remittance's outcome with its last part.
    /// </summary>
    public async Task<TransactionOutcome?> WriteAsync(Remittance part, Privacy.SealedClaimPhi? sealedPhi, bool continued, string fileName, CancellationToken ct)
    {
        var open = _open ??= new Open(streamed: continued);
        for (var attempt = 0; open.Outcome is null; attempt++)
        {
            try
            {
                await WritePartAsync(open, part, sealedPhi, continued, ct);
                break;
            }
            catch (DbException ex) when (attempt == 0 && !open.Streamed && Persistence.UniqueKeys.IsViolation(ex, Persistence.UniqueKeys.PayerIdentifier))
            {
                // A writer on another node added this new payer first (ADR 0110): its row is committed now, and the
                // transaction, still whole in memory, is written again with it.
                await RollbackAsync(open);
            }
            catch (DbException ex) when (Persistence.UniqueKeys.IsViolation(ex, Persistence.UniqueKeys.RemittanceHash))
            {
                // A writer on another node stored this transaction first: the unique key says so (ADR 0110).
                await RollbackAsync(open);
                open.Outcome = TransactionOutcome.Duplicate;
            }
            catch (DbException ex)
            {
                // The parts still to come are passed over; the last one reports the refusal.
                await RollbackAsync(open);
                open.Outcome = Refused(part, fileName, ex);
            }
            catch
            {
                _open = null;
                await RollbackAsync(open);
                throw;
            }
        }
        Order?.Ended();
        if (continued) return null;
        _open = null;
        if (open.Outcome is { Result: TransactionResult.Stored })
        {
            if (open.Streamed) part.Claims = []; // the earlier parts' claims are gone from memory: the handlers read them from the database
            await RunHandlersAsync(new ImportedRemittance(run.Db, part, run.Summary.Warnings.Add)
            {
                ClaimsHeld = !open.Streamed,
                OpenedAfterOutcomes = open.Opened,
            }, ct);
        }
        return open.Outcome;
    }

    /// <summary>Rolls back a remittance left part-written (the file broke, or reading stopped, before its last part); true if there was one.</summary>
    public async Task<bool> AbandonAsync()
    {
        if (_open is not { } open) return false;
        _open = null;
        await RollbackAsync(open);
        return open.Outcome is null;
    }

    private async Task RollbackAsync(Open open)
    {
        if (open.Transaction is not { } tx) return;
        open.Transaction = null;
        await tx.RollbackAsync(CancellationToken.None);
        await tx.DisposeAsync();
        run.Payers!.Forget();
    }

    private async Task WritePartAsync(Open open, Remittance part, Privacy.SealedClaimPhi? sealedPhi, bool continued, CancellationToken ct)
    {
        var db = run.Db;
        var tables = run.Tables!;
        if (open.Transaction is null)
        {
            if (Order is { } order) await order.PreviousPreparedAsync(ct);
            // A whole remittance's digest is known before it is written; one in parts has its digest with its last part.
            if (!open.Streamed && await IsStoredAsync(db, part.ContentHash, ct))
            {
                open.Outcome = TransactionOutcome.Duplicate;
                return;
            }
            open.Transaction = await db.Database.BeginTransactionAsync(ct);
            var payerId = await run.Payers!.GetOrAddAsync(part, open.Transaction.GetDbTransaction(), ct);
            tables.AssignIds(part, importedFileId, payerId, open.Transaction.GetDbTransaction());
            (open.RemittanceId, open.PayerId) = (part.Id, part.PayerId);
            if (open.Streamed) part.ContentHash = $"unfinished:{Guid.NewGuid():N}"; // replaced by the digest at the last part
            tables.InsertHeader(part, open.Transaction.GetDbTransaction());
        }
        else
        {
            (part.Id, part.ImportedFileId, part.PayerId) = (open.RemittanceId, importedFileId, open.PayerId);
            tables.AssignClaimIds(part, open.Transaction.GetDbTransaction());
        }
        var dbTx = open.Transaction.GetDbTransaction();
        if (Order is { } ordered && ReversalLinker.LooksUpStored(part)) await ordered.PreviousEndedAsync(ct);
        await ReversalLinker.LinkAsync(db, part, part.PayerId, ct);
        var now = run.Time.GetUtcNow();
        var cases = new List<DenialCase>();
        foreach (var claim in part.Claims)
            if (run.Detector.BuildCase(claim, part, part.PayerId, now) is { } denialCase) cases.Add(denialCase);
        tables.NumberCases(cases, dbTx);
        var remainders = new List<Action>();
        foreach (var preparer in run.Preparers) remainders.Add(await preparer.PrepareAsync(db, part, cases, ct));
        // Run even when the remittance opens no denial case: a preparer may compare its claims (underpayments, ADR 0150).
        var finishing = remainders.Count == 0 ? Task.CompletedTask : Task.Run(() => remainders.ForEach(r => r()), ct);
        tables.InsertClaims(part, dbTx, sealedPhi);
        await FinishPreparingAsync(finishing, part);
        if (Order is { } next)
        {
            next.Prepared();
            await next.PreviousHandledAsync(ct);
        }
        tables.InsertCases(cases, dbTx);
        open.Cases += cases.Count;
        if (continued) return;

        if (open.Streamed)
        {
            if (await IsStoredAsync(db, part.ContentHash, ct))
            {
                await RollbackAsync(open);
                open.Outcome = TransactionOutcome.Duplicate;
                return;
            }
            var (id, hash) = (part.Id, part.ContentHash);
            await db.Remittances.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ContentHash, hash), ct);
        }
        await InsertOpenedAsync(open, part, dbTx, ct);
        await open.Transaction.CommitAsync(ct);
        await open.Transaction.DisposeAsync();
        open.Transaction = null;
        open.Outcome = new TransactionOutcome(TransactionResult.Stored, open.Cases, null);
    }

    /// <summary>
    /// The cases the openers' work found in the whole remittance (underpayments, ADR 0143), numbered after its denial cases
    /// and inserted in its transaction: no second transaction and commit per remittance for them.
    /// </summary>
    private async Task InsertOpenedAsync(Open open, Remittance part, DbTransaction dbTx, CancellationToken ct)
    {
        open.Opened.Clear();
        foreach (var opener in run.Preparers.OfType<INewCaseOpener>())
        {
            var opened = await opener.OpenAsync(run.Db, part, ct);
            if (opened.Count == 0) continue;
            run.Tables!.NumberCases(opened, dbTx);
            run.Tables.InsertCases(opened, dbTx);
            open.Opened.UnionWith(opened.Select(c => c.Id));
        }
    }

    private TransactionOutcome Refused(Remittance part, string fileName, DbException ex)
    {
        // The provider's message can quote column values (PHI): log and report the error code only.
        run.Logger.LogWarning("Transaction {ControlNumber} of file {FileId} refused by the database ({Error})",
            part.TransactionControlNumber, importedFileId, ex.GetType().Name);
        return new TransactionOutcome(TransactionResult.Refused, 0, new ImportIssue(fileName, 0, 0, "ST", "",
            $"Transaction {part.TransactionControlNumber} could not be stored: the database refused it ({ex.GetType().Name} {ex.ErrorCode})."));
    }

    /// <summary>A remittance being written, and how it ended once it has.</summary>
    private sealed class Open(bool streamed)
    {
        /// <summary>The remittance comes in parts (its first part was continued).</summary>
        public bool Streamed { get; } = streamed;
        public IDbContextTransaction? Transaction { get; set; }
        /// <summary>The ids the first part was given, for the parts after it (the first part itself is not kept).</summary>
        public long RemittanceId { get; set; }
        public long PayerId { get; set; }
        public int Cases { get; set; }
        /// <summary>Ids of the cases the openers opened (<see cref="InsertOpenedAsync"/>), for the outcome handler to pass over.</summary>
        public HashSet<long> Opened { get; } = [];
        public TransactionOutcome? Outcome { get; set; }
    }

    /// <summary>
    /// Waits for the cases' CPU-only preparation (scoring). If it fails (a damaged model file, say), the cases are stored
    /// as they are, unscored, with a warning: the nightly rescoring scores them, and the remittance is not lost for it.
    /// </summary>
    private async Task FinishPreparingAsync(Task finishing, Remittance remittance)
    {
        try
        {
            await finishing;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Logger.LogError(ex, "Preparing the new cases of transaction {ControlNumber} failed", remittance.TransactionControlNumber);
            run.Summary.Warnings.Add($"Transaction {remittance.TransactionControlNumber}: its new cases could not be scored ({ex.GetType().Name}); they are stored unscored and the next rescoring scores them.");
        }
    }

    private async Task RunHandlersAsync(ImportedRemittance imported, CancellationToken ct)
    {
        foreach (var handler in run.Handlers)
        {
            try
            {
                await handler.HandleAsync(imported, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                run.Logger.LogError(ex, "Handler {Handler} failed on remittance {RemittanceId}", handler.GetType().Name, imported.RemittanceId);
                run.Summary.Warnings.Add($"After importing remittance {imported.RemittanceId}, {handler.GetType().Name} failed ({ex.GetType().Name}); the remittance stays imported.");
            }
            finally
            {
                run.Db.ChangeTracker.Clear();
            }
        }
    }
}
