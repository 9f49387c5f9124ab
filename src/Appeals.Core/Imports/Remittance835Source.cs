using Appeals.Core.Denials;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Imports;

/// <summary>The production <see cref="TransactionSource"/>: the streaming 835 reader.</summary>
internal static class Remittance835Source
{
    /// <summary>
    /// A transaction larger than this comes in parts (ADR 0090): about 3,000 claims, several times the usual transaction,
    /// so that only the rare very large one is cut, and small enough that the parts in flight stay a few megabytes.
    /// </summary>
    internal const int PartBytes = 1 << 20;

    public static IEnumerable<ReadTransaction> Read(Stream input, string fileName, List<ImportIssue> envelopeWarnings, DenialDetector? countClaimsWith,
        bool hashContent) =>
        Read(input, fileName, envelopeWarnings, countClaimsWith, hashContent, PartBytes);

    internal static IEnumerable<ReadTransaction> Read(Stream input, string fileName, List<ImportIssue> envelopeWarnings, DenialDetector? countClaimsWith,
        bool hashContent, int partBytes)
    {
        var reader = new Remittance835Reader(input, fileName) { PartBytes = partBytes, CountClaimsWith = countClaimsWith, HashContent = hashContent };
        using var transactions = reader.ReadTransactions().GetEnumerator();
        while (true)
        {
            TransactionRead read;
            try
            {
                if (!transactions.MoveNext()) break;
                read = transactions.Current;
            }
            catch (X12ParseException ex)
            {
                envelopeWarnings.AddRange(reader.EnvelopeWarnings);
                throw new UnreadableFileException(ex.Issue, ex);
            }
            yield return new ReadTransaction(read.Remittance, read.Warnings, read.Errors, read.Continued, read.Totals);
        }
        envelopeWarnings.AddRange(reader.EnvelopeWarnings);
    }
}
