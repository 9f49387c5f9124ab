using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Imports;

/// <summary>The production <see cref="TransactionSource"/>: the streaming 835 reader.</summary>
internal static class Remittance835Source
{
    public static IEnumerable<ReadTransaction> Read(Stream input, string fileName, List<ImportIssue> envelopeWarnings)
    {
        var reader = new Remittance835Reader(input, fileName);
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
            yield return new ReadTransaction(read.Remittance, read.Warnings, read.Errors);
        }
        envelopeWarnings.AddRange(reader.EnvelopeWarnings);
    }
}
