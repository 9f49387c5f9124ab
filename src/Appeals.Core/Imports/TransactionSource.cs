using Appeals.Core.Denials;
using Appeals.Core.Remittances;

namespace Appeals.Core.Imports;

/// <summary>
/// One transaction as read from a file: a remittance, or the located errors that refused it. A large transaction comes
/// in parts (<paramref name="Continued"/> on all but the last; ADR 0090), each with the remittance's header and some of
/// its claims, written into one database transaction as they come. <paramref name="Totals"/> is set when the source counted
/// the claims instead of keeping them (a dry run, ADR 0093): the totals of the transaction so far; the remittance then has none.
/// </summary>
internal sealed record ReadTransaction(Remittance? Remittance, IReadOnlyList<ImportIssue> Warnings, IReadOnlyList<ImportIssue> Errors,
    bool Continued = false, ClaimTotals? Totals = null);

/// <summary>The file as a whole cannot be read as X12 (or stopped being readable part way).</summary>
internal sealed class UnreadableFileException(ImportIssue issue, Exception? inner = null) : Exception(issue.Message, inner)
{
    public ImportIssue Issue { get; } = issue;
}

/// <summary>
/// Streams the transactions of one file in order, adding envelope warnings to <paramref name="envelopeWarnings"/>
/// when enumeration ends. With <paramref name="countClaimsWith"/> (a dry run) a source may classify and count each claim
/// with that detector and drop it, handing out <see cref="ReadTransaction.Totals"/> instead of claims. With <paramref name="hashContent"/>
/// false (a dry run without a database: nothing looks transactions up) a source may leave <see cref="Remittances.Remittance.ContentHash"/> empty. Throws <see cref="UnreadableFileException"/> when the file cannot be read.
/// The importer depends on this seam rather than on the reader type so that its tests can feed it
/// remittances directly.
/// </summary>
internal delegate IEnumerable<ReadTransaction> TransactionSource(Stream input, string fileName, List<ImportIssue> envelopeWarnings,
    DenialDetector? countClaimsWith, bool hashContent);
