using Appeals.Core.Persistence;

namespace Appeals.Core.Imports;

/// <summary>How to import.</summary>
/// <param name="DryRun">Read, validate and detect denials, but write nothing.</param>
public sealed record ImportOptions(bool DryRun = false);

/// <summary>Where an import stands, reported after each transaction and each file.</summary>
public sealed record ImportProgress(string File, long BytesRead, long TotalBytes, int FilesDone, int FilesTotal);

/// <summary>A located error in the import summary (the <c>errors[]</c> of <c>appeals import --json</c>).</summary>
public sealed record ImportError(string File, long Segment, long Offset, string Message);

/// <summary>
/// Runs after each remittance is committed, in the importer's scope, with the context that stored it
/// (the workflow records outcomes of later ERAs on open denial cases this way). A handler that fails
/// is logged and reported as a warning; the remittance stays imported.
/// </summary>
public interface IImportedRemittanceHandler
{
    Task HandleAsync(AppealsDbContext db, long remittanceId, CancellationToken ct);
}
