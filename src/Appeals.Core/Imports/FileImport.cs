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
    private readonly HashSet<string> _unknownCarcs = new(StringComparer.OrdinalIgnoreCase);
    private int _stored, _duplicates, _refused;

    public async Task RunAsync(ImportOptions options, CancellationToken ct)
    {
        var summary = run.Summary;
        var size = new FileInfo(path).Length;
        // The hash only finds the file among those stored: a dry run without a database has nothing to look it up in.
        var hash = run.WithoutDatabase ? "" : await HashAsync(path, ct);
        var existing = await FindFileAsync(hash, ct);
        if (existing is { Status: not ImportStatus.Importing })
        {
            summary.Duplicates++;
            run.Logger.LogInformation("File {FileId} was imported before; skipped", existing.Id);
            progress?.Report(new ImportProgress(_name, size, size, index + 1, total));
            return;
        }

        var record = options.DryRun ? null : existing ?? await CreateRecordAsync(hash, size, ct);
        var writer = record is null ? null : new TransactionWriter(run, record.Id);
        var unreadable = false;
        var envelope = new List<ImportIssue>();
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            try
            {
                // The read-ahead thread also encrypts each claim's names and member id: the writer is the bottleneck.
                var reads = ReadAhead.Run(() => source(stream, _name, envelope).Select(read => (read, stream.Position, Seal(read, writer))), capacity: 2, ct);
                await foreach (var (read, position, phi) in reads)
                {
                    await HandleAsync(read, phi, writer, ct);
                    progress?.Report(new ImportProgress(_name, position, size, index, total));
                }
            }
            catch (UnreadableFileException ex)
            {
                unreadable = true;
                Error(ex.Issue);
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

    private SealedClaimPhi? Seal(ReadTransaction read, TransactionWriter? writer) =>
        writer is not null && read.Remittance is { } r && read.Errors.Count == 0 && run.Db.Phi is { } protector
            ? SealedClaimPhi.Seal(r.Claims, protector)
            : null;

    private async Task HandleAsync(ReadTransaction read, SealedClaimPhi? phi, TransactionWriter? writer, CancellationToken ct)
    {
        foreach (var warning in read.Warnings) Warn(warning);
        if (read.Remittance is not { } remittance || read.Errors.Count > 0)
        {
            _refused++;
            foreach (var error in read.Errors) Error(error);
            return;
        }
        foreach (var claim in remittance.Claims)
            foreach (var carc in run.Detector.ClassifyClaim(claim))
                if (_unknownCarcs.Add(carc))
                    Warn(new ImportIssue(_name, 0, 0, "CAS", "", $"CARC {carc} is not in the CARC map; its adjustments are not counted as denials."));

        var outcome = writer is null ? await DryRunAsync(remittance, ct) : await writer.WriteAsync(remittance, phi, _name, ct);
        switch (outcome.Result)
        {
            case TransactionResult.Stored:
                _stored++;
                Count(remittance, outcome.DenialCases);
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

    private async Task<TransactionOutcome> DryRunAsync(Remittance remittance, CancellationToken ct)
    {
        if (!run.WithoutDatabase && await TransactionWriter.IsStoredAsync(run.Db, remittance.ContentHash, ct)) return TransactionOutcome.Duplicate;
        var now = run.Time.GetUtcNow();
        var cases = remittance.Claims.Count(c => run.Detector.BuildCase(c, remittance, 0, now) is not null);
        return new TransactionOutcome(TransactionResult.Stored, cases, null);
    }

    private void Count(Remittance remittance, int denialCases)
    {
        var s = run.Summary;
        s.Transactions++;
        s.DenialCases += denialCases;
        foreach (var claim in remittance.Claims)
        {
            s.Claims++;
            s.ServiceLines += claim.ServiceLines.Count;
            s.Adjustments += claim.Adjustments.Count;
            s.ChargedAmount += claim.ChargeAmount;
            s.PaidAmount += claim.PaymentAmount;
            foreach (var a in claim.Adjustments)
                if (a.IsDenial) s.DeniedAmount += a.Amount;
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

    private async Task<ImportedFile> CreateRecordAsync(string hash, long size, CancellationToken ct)
    {
        var record = new ImportedFile
        {
            FileName = _name, ContentHash = hash, SizeBytes = size,
            ImportedAt = run.Time.GetUtcNow(), Status = ImportStatus.Importing,
        };
        run.Db.ImportedFiles.Add(record);
        await run.Db.SaveChangesAsync(ct);
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
