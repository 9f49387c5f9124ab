using Appeals.Core.Imports;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Jobs;

/// <summary>
/// Imports the 835 files dropped in <c>Inbox:Path</c>: each file is imported, then moved to
/// processed/ or, when anything in it was rejected, to rejected/ with NAME.error.txt beside it. Those copies hold
/// patient data the database already has (or the importer refused): each run deletes the ones older than
/// <see cref="InboxOptions.RetentionDays"/>, counted from when they were moved there.
/// Running twice is safe: the importer skips a file it already has, and moved files are gone from the inbox.
/// </summary>
public sealed partial class InboxImportJob(RemittanceImporter importer, IOptions<InboxOptions> options, TimeProvider time, ILogger<InboxImportJob> logger)
{
    /// <summary>Files younger than this may still be being copied in: they wait for the next run.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(10);

    // One at a time across nodes, like every recurring job (see DeadlineSweepJob).
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var inbox = options.Value.Path;
        if (string.IsNullOrWhiteSpace(inbox) || !Directory.Exists(inbox)) return 0;
        var processed = Directory.CreateDirectory(Path.Combine(inbox, "processed")).FullName;
        var rejected = Directory.CreateDirectory(Path.Combine(inbox, "rejected")).FullName;
        var now = time.GetUtcNow();
        var files = new DirectoryInfo(inbox).GetFiles()
            .Where(f => !f.Name.StartsWith('.') && now - new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero) >= SettleTime)
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var summary = await importer.ImportAsync([file.FullName], new ImportOptions { Actor = "system:inbox" }, null, ct);
            // A file with any refused transaction goes to rejected/ with its errors, even when the rest was stored:
            // someone has to look at it, and re-importing it after a fix adds only what is new.
            var ok = summary.Rejected == 0 && summary.Errors.Count == 0;
            var target = Unique(Path.Combine(ok ? processed : rejected, file.Name));
            File.Move(file.FullName, target);
            // Retention counts from the move, not from whenever the payer's system wrote the file.
            File.SetLastWriteTimeUtc(target, now.UtcDateTime);
            if (!ok)
            {
                var errors = summary.Errors.Select(e => $"segment {e.Segment}, offset {e.Offset}: {e.Message}");
                await File.WriteAllLinesAsync(target + ".error.txt", errors.DefaultIfEmpty("Rejected by the importer."), ct);
            }
            Imported(logger, ok ? "processed" : "rejected", summary.Transactions, summary.DenialCases);
        }
        if (options.Value.RetentionDays > 0)
        {
            var expired = Expire(processed, now) + Expire(rejected, now);
            if (expired > 0) Expired(logger, expired, options.Value.RetentionDays);
        }
        return files.Count;
    }

    private int Expire(string folder, DateTimeOffset now)
    {
        var before = now.UtcDateTime.AddDays(-options.Value.RetentionDays);
        var old = new DirectoryInfo(folder).GetFiles().Where(f => f.LastWriteTimeUtc < before).ToList();
        foreach (var file in old) file.Delete();
        return old.Count;
    }

    private static string Unique(string path)
    {
        if (!File.Exists(path)) return path;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        for (var i = 1; ; i++)
        {
            var candidate = $"{stem}.{i}{Path.GetExtension(path)}";
            if (!File.Exists(candidate)) return candidate;
        }
    }

    [LoggerMessage(LogLevel.Information, "Inbox copies deleted: {Count} older than {Days} days")]
    private static partial void Expired(ILogger logger, int count, int days);

    [LoggerMessage(LogLevel.Information, "Inbox file {Outcome}: {Transactions} transactions, {DenialCases} new denial cases")]
    private static partial void Imported(ILogger logger, string outcome, int transactions, int denialCases);
}

/// <summary>Configuration section <c>Inbox</c>.</summary>
public sealed class InboxOptions
{
    /// <summary>The folder watched for 835 files (<c>Inbox:Path</c>); the job does nothing when unset.</summary>
    public string? Path { get; set; }

    /// <summary>Days the processed/ and rejected/ copies are kept (<c>Inbox:RetentionDays</c>, 30); 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 30;
}
