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
                tables.Insert(remittance, cases, dbTx, sealedPhi);
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
        await RunHandlersAsync(remittance.Id, ct);
        return new TransactionOutcome(TransactionResult.Stored, cases.Count, null);
    }

    private async Task RunHandlersAsync(long remittanceId, CancellationToken ct)
    {
        foreach (var handler in run.Handlers)
        {
            try
            {
                await handler.HandleAsync(run.Db, remittanceId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                run.Logger.LogError(ex, "Handler {Handler} failed on remittance {RemittanceId}", handler.GetType().Name, remittanceId);
                run.Summary.Warnings.Add($"After importing remittance {remittanceId}, {handler.GetType().Name} failed ({ex.GetType().Name}); the remittance stays imported.");
            }
            finally
            {
                run.Db.ChangeTracker.Clear();
            }
        }
    }
}
