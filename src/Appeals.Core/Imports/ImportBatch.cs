
namespace Appeals.Core.Imports;

/// <summary>
/// One upload of 835 files being imported in the background, and how far it got. The job updates
/// this row as it runs, so a refreshed page (or one opened after a restart) shows the truth rather
/// than what one process remembered.
/// </summary>
public sealed class ImportBatch
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    /// <summary>The uploaded files' names (no folders), one per line, for people.</summary>
    public required string FileNames { get; set; }
    public int FileCount { get; set; }
    /// <summary>The server folder holding the uploaded bytes until the import finishes (made from <see cref="Id"/>, never from a file name).</summary>
    public required string UploadFolder { get; set; }

    /// <summary>An <see cref="ImportBatchState"/> value.</summary>
    public string State { get; set; } = ImportBatchState.Queued;
    public int FilesDone { get; set; }
    /// <summary>Bytes read within the current file, and that file's size: the bar's position.</summary>
    public long BytesRead { get; set; }
    public long TotalBytes { get; set; }
    /// <summary>The finished import's <see cref="ImportSummary"/> as JSON (counts, warnings and located errors).</summary>
    public string? SummaryJson { get; set; }
    /// <summary>Why the job stopped, when it failed.</summary>
    public string? Failure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How far the bar goes: 100 when done, else the share of the current file read, never 100 before the end.</summary>
    public int Percent => State == ImportBatchState.Done ? 100 : TotalBytes <= 0 ? 0 : (int)Math.Min(99, BytesRead * 100 / TotalBytes);

    public IReadOnlyList<string> Names => FileNames.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Where an <see cref="ImportBatch"/> stands.</summary>
public static class ImportBatchState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    public static bool IsFinished(string state) => state is Done or Failed;
}
