using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appeals.Core.Imports;

/// <summary>
/// Imports 835 files: each file once (by SHA-256), each transaction all-or-nothing and once (by its
/// content hash), denials detected and denial cases opened, a bad transaction or file never stopping
/// the rest of the batch. The bulk path writes with prepared batched INSERTs, not change tracking.
/// </summary>
public sealed class RemittanceImporter
{
    /// <summary>WAL pages between automatic checkpoints on an import's connection (SQLite's default is 1,000; ADR 0155).</summary>
    internal const int ImportCheckpointPages = 10_000;

    private readonly AppealsDbContext? _db; // null only for a dry run without a database (ForDryRunWithoutDatabase)
    private readonly DenialDetector _detector;
    private readonly TimeProvider _time;
    private readonly ILogger<RemittanceImporter> _logger;
    private readonly IReadOnlyList<IImportedRemittanceHandler> _handlers;
    private readonly IReadOnlyList<INewCasePreparer> _preparers;
    private readonly TransactionSource _source;

    /// <summary>An importer with post-commit handlers only (tests, benchmarks of the bare path).</summary>
    public RemittanceImporter(AppealsDbContext db, DenialDetector detector, TimeProvider time,
        ILogger<RemittanceImporter> logger, IEnumerable<IImportedRemittanceHandler> handlers)
        : this(db, detector, time, logger, handlers, [])
    {
    }

    /// <summary>The importer as every host runs it: new cases prepared before they are stored, handlers after each commit.</summary>
    public RemittanceImporter(AppealsDbContext db, DenialDetector detector, TimeProvider time,
        ILogger<RemittanceImporter> logger, IEnumerable<IImportedRemittanceHandler> handlers, IEnumerable<INewCasePreparer> preparers)
        : this(db, detector, time, logger, handlers, preparers, Remittance835Source.Read)
    {
    }

    internal RemittanceImporter(AppealsDbContext? db, DenialDetector detector, TimeProvider time,
        ILogger<RemittanceImporter> logger, IEnumerable<IImportedRemittanceHandler> handlers, IEnumerable<INewCasePreparer> preparers,
        TransactionSource source)
    {
        _db = db;
        _detector = detector;
        _time = time;
        _logger = logger;
        _handlers = handlers.ToList();
        // A handler that is also a preparer (the underpayments, ADR 0150) is given each remittance in its transaction too,
        // the same instance, so that what it found there it stores after the commit.
        _preparers = preparers.Concat(_handlers.OfType<INewCasePreparer>()).Distinct().ToList();
        _source = source;
    }

    /// <summary>
    /// An importer that can only run a dry run without a database (<see cref="ImportOptions.WithoutDatabase"/>; the CLI's,
    /// ADR 0074): it has no database context, handlers or preparers, which such a run never calls. Resolving the full
    /// importer builds them all (the context's options, the PHI key ring, every handler), a fixed cost a dry run need not
    /// pay (ADR 0133). Anything else through it throws.
    /// </summary>
    public static RemittanceImporter ForDryRunWithoutDatabase(DenialDetector detector, TimeProvider time, ILogger<RemittanceImporter> logger) =>
        new(null, detector, time, logger, [], [], Remittance835Source.Read);

    /// <summary>Imports the files given, and every file under the folders given (sorted by path).</summary>
    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> paths, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (options.WithoutDatabase && !options.DryRun) throw new ArgumentException("Only a dry run can import without a database.", nameof(options));
        var summary = new ImportSummary();
        var files = ExpandPaths(paths, summary);
        if (options.WithoutDatabase)
        {
            await ReadFilesAsync(files, options, null, summary, progress, ct);
            return summary;
        }
        if (_db is null) throw new InvalidOperationException("This importer has no database: it runs only a dry run without one (ForDryRunWithoutDatabase).");
        await _db.Database.OpenConnectionAsync(ct);
        try
        {
            if (_db.Database.IsSqlite() && !options.DryRun)
            {
                // WAL (set at migration) with NORMAL sync is durable at checkpoints and far faster than FULL;
                // a 16 MB page cache keeps the indexes' hot pages in memory as the database grows (ADR 0090: 64 MB
                // measured no faster, and a large transaction's dirty pages fill whatever it is given).
                await _db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
                await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-16384;", ct);
                // Checkpoint every ~40 MB of WAL rather than at every commit of a remittance larger than 1,000 pages: the
                // index and rollup pages that successive remittances rewrite reach the database file once per checkpoint,
                // with fewer fsyncs (ADR 0155).
                await _db.Database.ExecuteSqlRawAsync($"PRAGMA wal_autocheckpoint={ImportCheckpointPages};", ct);
                // temp_store=MEMORY, which the rollup triggers' statement journals need, is set on every
                // connection by SqliteTempStoreInMemory (UseAppealsDatabase), not here.
            }
            using var tables = options.DryRun ? null : new RemittanceTables(_db);
            await ReadFilesAsync(files, options, tables, summary, progress, ct);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
        if (!options.DryRun) await AuditAsync(_db, summary, options, ct);
        _logger.LogInformation("Import done: {Files} files, {Imported} imported, {Duplicates} duplicate, {Rejected} rejected, {Transactions} transactions, {Claims} claims, {Cases} denial cases",
            summary.Files, summary.Imported, summary.Duplicates, summary.Rejected, summary.Transactions, summary.Claims, summary.DenialCases);
        return summary;
    }

    private async Task ReadFilesAsync(List<string> files, ImportOptions options, RemittanceTables? tables, ImportSummary summary,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Without a database (ImportRun.WithoutDatabase) nothing reads the context: the dry-run importer has none.
        var context = new ImportRun(_db!, _detector, _time, _logger, _handlers, _preparers, tables, summary, options.WithoutDatabase);
        for (var i = 0; i < files.Count; i++)
        {
            summary.Files++;
            await new FileImport(context, files[i], _source, i, files.Count, progress).RunAsync(options, ct);
        }
    }

    /// <summary>Every import that could write leaves one audit entry, whichever host ran it: who, and the counts (no file names: they may name a patient).</summary>
    private async Task AuditAsync(AppealsDbContext db, ImportSummary s, ImportOptions options, CancellationToken ct) =>
        await new AuditLog(db, _time).AppendAsync(options.Actor, AuditActions.Import, options.AuditEntityType, options.AuditEntityId,
            details: $"{s.Files} file(s): {s.Imported} imported, {s.Duplicates} duplicate, {s.Rejected} rejected; " +
                     $"{s.Transactions} transactions, {s.Claims} claims, {s.DenialCases} denial cases", ct: ct);

    private static List<string> ExpandPaths(IReadOnlyList<string> paths, ImportSummary summary)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // A folder of ERAs often holds the CSVs that travel with them (history, exports): those are
                // never 835s, so a folder import passes them over; a CSV named explicitly is still read and refused.
                files.AddRange(Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                summary.Files++;
                summary.Rejected++;
                summary.Errors.Add(new ImportError(path, 0, 0, "No such file or folder."));
            }
        }
        return files;
    }
}

/// <summary>What every file of one import run shares.</summary>
internal sealed record ImportRun(AppealsDbContext Db, DenialDetector Detector, TimeProvider Time, ILogger Logger,
    IReadOnlyList<IImportedRemittanceHandler> Handlers, IReadOnlyList<INewCasePreparer> Preparers, RemittanceTables? Tables, ImportSummary Summary,
    bool WithoutDatabase = false)
{
    public PayerDirectory? Payers { get; } = Tables is null ? null : new PayerDirectory(Db, Tables);
}
