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

/// <summary>Stores one remittance (ST..SE) all-or-nothing in one database transaction, then runs the handlers.</summary>
internal sealed class TransactionWriter(ImportRun run, long importedFileId)
{
    public static Task<bool> IsStoredAsync(Persistence.AppealsDbContext db, string contentHash, CancellationToken ct) =>
        db.Remittances.AsNoTracking().AnyAsync(r => r.ContentHash == contentHash, ct);

    public async Task<TransactionOutcome> WriteAsync(Remittance remittance, Privacy.SealedClaimPhi? sealedPhi, string fileName, CancellationToken ct)
    {
        var db = run.Db;
        var tables = run.Tables!;
        var cases = new List<DenialCase>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var dbTx = tx.GetDbTransaction();
            try
            {
                if (await IsStoredAsync(db, remittance.ContentHash, ct)) return TransactionOutcome.Duplicate;
                var payerId = await run.Payers!.GetOrAddAsync(remittance, dbTx, ct);
                tables.AssignIds(remittance, importedFileId, payerId, dbTx);
                await ReversalLinker.LinkAsync(db, remittance, payerId, ct);
                var now = run.Time.GetUtcNow();
                foreach (var claim in remittance.Claims)
                    if (run.Detector.BuildCase(claim, remittance, payerId, now) is { } denialCase) cases.Add(denialCase);
                tables.NumberCases(cases, dbTx);
                var remainders = new List<Action>();
                foreach (var preparer in run.Preparers) remainders.Add(await preparer.PrepareAsync(db, remittance, cases, ct));
                var finishing = remainders.Count == 0 || cases.Count == 0 ? Task.CompletedTask : Task.Run(() => remainders.ForEach(r => r()), ct);
                tables.InsertRemittance(remittance, dbTx, sealedPhi);
                await FinishPreparingAsync(finishing, remittance);
                tables.InsertCases(cases, dbTx);
                await tx.CommitAsync(ct);
            }
            catch (DbException ex)
            {
                await tx.RollbackAsync(CancellationToken.None);
                run.Payers!.Forget();
                // The provider's message can quote column values (PHI): log and report the error code only.
                run.Logger.LogWarning("Transaction {ControlNumber} of file {FileId} refused by the database ({Error})",
                    remittance.TransactionControlNumber, importedFileId, ex.GetType().Name);
                return new TransactionOutcome(TransactionResult.Refused, 0, new ImportIssue(fileName, 0, 0, "ST", "",
                    $"Transaction {remittance.TransactionControlNumber} could not be stored: the database refused it ({ex.GetType().Name} {ex.ErrorCode})."));
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                run.Payers!.Forget();
                throw;
            }
        }
        await RunHandlersAsync(new ImportedRemittance(db, remittance, run.Summary.Warnings.Add), ct);
        return new TransactionOutcome(TransactionResult.Stored, cases.Count, null);
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
