using System.Security.Cryptography;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appeals.Core.Imports;

/// <summary>One file of an import: duplicate check, its transactions one at a time, then its record.</summary>
internal sealed class FileImport(ImportRun run, string path, TransactionSource source, int index, int total, IProgress<ImportProgress>? progress)
{
    private readonly string _name = Path.GetFileName(path);
    private readonly List<ImportMessage> _messages = [];
    private int _stored, _duplicates, _refused;
    private Tally _tally; // the transaction being read, counted as its parts come; added to the summary once it is stored
    private ClaimTotals _readTotals; // the same, counted on the read-ahead thread (Classify) and only there

    public async Task RunAsync(ImportOptions options, CancellationToken ct)
    {
        var summary = run.Summary;
        var size = new FileInfo(path).Length;
        // The hash only finds the file among those stored: a dry run without a database has nothing to look it up in.
        var hash = run.WithoutDatabase ? "" : await HashAsync(path, ct);
        await using var claim = run.WithoutDatabase || options.DryRun ? FileImportClaim.None : await FileImportClaim.TryTakeAsync(run.Db, hash, ct);
        if (claim is null)
        {
            // Another node imports this very file at this moment (ADR 0111): beside it, this one would only find its transactions stored.
            summary.Duplicates++;
            summary.Warnings.Add($"{_name}: being imported by another node at this moment: counted as a duplicate, not imported twice");
            run.Logger.LogInformation("File is being imported by another node; skipped");
            progress?.Report(new ImportProgress(_name, size, size, index + 1, total));
            return;
        }
        var existing = await FindFileAsync(hash, ct);
        if (existing is { Status: not ImportStatus.Importing })
        {
            summary.Duplicates++;
            run.Logger.LogInformation("File {FileId} was imported before; skipped", existing.Id);
            progress?.Report(new ImportProgress(_name, size, size, index + 1, total));
            return;
        }

        var record = options.DryRun ? null : existing ?? await CreateRecordAsync(hash, size, ct);
        if (!options.DryRun && record is null)
        {
            // Another writer (another node) created this file's record a moment ago and is importing it (ADR 0110).
            summary.Duplicates++;
            run.Logger.LogInformation("File is being imported by another writer; skipped");
            progress?.Report(new ImportProgress(_name, size, size, index + 1, total));
            return;
        }
        // Two transactions at a time on PostgreSQL (ADR 0136); outcomes are counted in file order as they are known.
        await using var writer = record is null ? null : await TransactionLanes.OpenAsync(run, record.Id, ct);
        var unreadable = false;
        var envelope = new List<ImportIssue>();
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            try
            {
                // The read-ahead thread also encrypts each claim's names and member id, and classifies and counts its
                // claims: the writer is the bottleneck.
                // A dry run keeps no claims: the reader counts each as it ends and drops it (ADR 0093).
                // Without a database nothing looks a transaction up by its content hash: the reader need not compute it.
                var countWith = writer is null ? run.Detector : null;
                var hashContent = !run.WithoutDatabase;
                var reads = ReadAhead.Run(() => source(stream, _name, envelope, countWith, hashContent)
                    .Select(read => (read, stream.Position, Seal(read, writer), Classify(read))), capacity: 2, ct);
                await foreach (var (read, position, phi, counted) in reads)
                {
                    await HandleAsync(read, phi, counted, writer, ct);
                    progress?.Report(new ImportProgress(_name, position, size, index, total));
                }
            }
            catch (UnreadableFileException ex)
            {
                unreadable = true;
                Error(ex.Issue);
                // A transaction that was coming in parts never got its last one: nothing of it stays.
                if (writer is not null && await writer.AbandonAsync()) _refused++;
            }
            finally
            {
                if (writer is not null) await writer.AbandonAsync();
            }
        }
        foreach (var warning in envelope) Warn(warning);

        var status = Outcome(unreadable);
        if (status == ImportStatus.Imported) summary.Imported++;
        else summary.Rejected++;
        if (status == ImportStatus.PartiallyImported) summary.PartlyImported++;
        if (record is not null) await CompleteRecordAsync(record, status, ct);
        run.Logger.LogInformation("File {FileId}: {Stored} transactions stored, {Duplicates} already stored, {Refused} refused",
            record?.Id ?? 0, _stored, _duplicates, _refused);
        progress?.Report(new ImportProgress(_name, size, size, index + 1, total));
    }

    private SealedClaimPhi? Seal(ReadTransaction read, TransactionLanes? writer) =>
        writer is not null && read.Remittance is { } r && read.Errors.Count == 0 && run.Db.Phi is { } protector
            ? SealedClaimPhi.Seal(r.Claims, protector)
            : null;

    /// <summary>
    /// Classifies the adjustments of a part's claims (the writer's BuildCase reads them) and counts them, on the read-ahead
    /// thread: the transaction's totals so far, parts before included, as a source that counts hands them over. Nothing to
    /// do when the source counted the claims itself; a part with errors (refused) starts the count again.
    /// </summary>
    private ClaimTotals Classify(ReadTransaction read)
    {
        if (read.Totals is not null) return default;
        if (read.Remittance is not { } remittance || read.Errors.Count > 0) return _readTotals = default;
        foreach (var claim in remittance.Claims) _readTotals.ClassifyAndAdd(claim, run.Detector);
        var totals = _readTotals;
        if (!read.Continued) _readTotals = default;
        return totals;
    }

    private async Task HandleAsync(ReadTransaction read, SealedClaimPhi? phi, ClaimTotals counted, TransactionLanes? writer, CancellationToken ct)
    {
        foreach (var warning in read.Warnings) Warn(warning);
        if (read.Remittance is not { } remittance || read.Errors.Count > 0)
        {
            // A transaction in parts has an error: what of it was written goes, and its last part reports the errors.
            if (writer is not null) await writer.AbandonAsync();
            _tally = default;
            if (read.Continued) return;
            _refused++;
            foreach (var error in read.Errors) Error(error);
            return;
        }
        _tally.CountedByReader(read.Totals ?? counted); // classified and counted on the read-ahead thread, parts before included
        if (writer is not null)
        {
            var tally = _tally; // the outcome may come after the next transaction is read
            await writer.WriteAsync(remittance, phi, read.Continued, _name, outcome => Count(outcome, tally), ct);
        }
        else if (await DryRunAsync(remittance, read.Continued, ct) is { } outcome) Count(outcome, _tally);
        if (read.Continued) return; // more parts of this transaction follow
        _tally = default;
    }

    private void Count(TransactionOutcome outcome, Tally tally)
    {
        switch (outcome.Result)
        {
            case TransactionResult.Stored:
                _stored++;
                tally.AddTo(run.Summary, outcome.DenialCases);
                break;
            case TransactionResult.Duplicate:
                _duplicates++;
                break;
            case TransactionResult.Refused:
                _refused++;
                Error(outcome.Error!);
                break;
        }
    }

    private async Task<TransactionOutcome?> DryRunAsync(Remittance remittance, bool continued, CancellationToken ct)
    {
        if (continued) return null;
        if (!run.WithoutDatabase && await TransactionWriter.IsStoredAsync(run.Db, remittance.ContentHash, ct)) return TransactionOutcome.Duplicate;
        return new TransactionOutcome(TransactionResult.Stored, _tally.DenialCases, null);
    }

    /// <summary>What one transaction adds to the summary, counted part by part.</summary>
    private struct Tally
    {
        private ClaimTotals _totals;

        /// <summary>Cases a dry run would open (the writer counts those it opened).</summary>
        public readonly int DenialCases => _totals.DenialCases;

        /// <summary>The reader's totals of the transaction so far: they replace what earlier parts reported.</summary>
        public void CountedByReader(in ClaimTotals counted) => _totals = counted;

        public readonly void AddTo(ImportSummary s, int denialCases)
        {
            s.Transactions++;
            s.DenialCases += denialCases;
            s.Claims += _totals.Claims;
            s.ServiceLines += _totals.ServiceLines;
            s.Adjustments += _totals.Adjustments;
            s.ChargedAmount += _totals.Charged;
            s.PaidAmount += _totals.Paid;
            s.DeniedAmount += _totals.Denied;
        }
    }

    private ImportStatus Outcome(bool unreadable) =>
        _refused == 0 && !unreadable ? ImportStatus.Imported
        : _stored + _duplicates > 0 ? ImportStatus.PartiallyImported
        : ImportStatus.Rejected;

    private void Warn(ImportIssue issue)
    {
        _messages.Add(issue.ToMessage(ImportSeverity.Warning));
        run.Summary.Warnings.Add(issue.ToString());
    }

    private void Error(ImportIssue issue)
    {
        _messages.Add(issue.ToMessage(ImportSeverity.Error));
        run.Summary.Errors.Add(new ImportError(issue.File, issue.Segment, issue.Offset,
            issue.SegmentId.Length > 0 ? $"{issue.SegmentId}{(issue.Field.Length > 0 ? " " + issue.Field : "")}: {issue.Message}" : issue.Message));
    }

    private async Task<ImportedFile?> FindFileAsync(string hash, CancellationToken ct)
    {
        if (run.WithoutDatabase) return null;
        try
        {
            return await run.Db.ImportedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ContentHash == hash, ct);
        }
        catch (Microsoft.Data.Sqlite.SqliteException) when (run.Tables is null)
        {
            return null; // a dry run against a database that has no tables yet: nothing is stored
        }
    }

    private async Task<ImportedFile?> CreateRecordAsync(string hash, long size, CancellationToken ct)
    {
        var record = new ImportedFile
        {
            FileName = _name, ContentHash = hash, SizeBytes = size,
            ImportedAt = run.Time.GetUtcNow(), Status = ImportStatus.Importing,
        };
        run.Db.ImportedFiles.Add(record);
        try
        {
            await run.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Persistence.UniqueKeys.IsViolation(ex, Persistence.UniqueKeys.ImportedFileHash))
        {
            run.Db.ChangeTracker.Clear();
            return null; // not stored: the caller counts the file as a duplicate
        }
        run.Db.ChangeTracker.Clear();
        return record;
    }

    private async Task CompleteRecordAsync(ImportedFile record, ImportStatus status, CancellationToken ct)
    {
        run.Db.ChangeTracker.Clear();
        run.Db.ImportedFiles.Attach(record);
        record.Status = status;
        record.ImportedAt = run.Time.GetUtcNow();
        record.TransactionsImported += _stored;
        record.TransactionsDuplicate += _duplicates;
        record.TransactionsRejected = _refused;
        // Kept so that a person can see, fix and re-import exactly what was refused.
        record.OriginalBytes = status == ImportStatus.Imported ? null : await File.ReadAllBytesAsync(path, ct);
        foreach (var message in _messages) message.ImportedFileId = record.Id;
        run.Db.ImportMessages.AddRange(_messages);
        await run.Db.SaveChangesAsync(ct);
        run.Db.ChangeTracker.Clear();
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
