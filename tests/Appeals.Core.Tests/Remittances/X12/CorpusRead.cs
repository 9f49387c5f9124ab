using Appeals.Core.Imports;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>Everything a reader run produced, including a refusal, for assertions.</summary>
internal sealed record CorpusRead(IReadOnlyList<TransactionRead> Transactions, IReadOnlyList<ImportIssue> EnvelopeWarnings,
    X12ReadCounts Counts, X12ParseException? Refusal)
{
    internal IEnumerable<ImportIssue> AllIssues =>
        Transactions.SelectMany(t => t.Errors.Concat(t.Warnings)).Concat(EnvelopeWarnings)
            .Concat(Refusal is null ? [] : [Refusal.Issue]);

    internal string Describe() => string.Join(" | ", AllIssues);

    internal static CorpusRead Run(string path)
    {
        using var stream = File.OpenRead(path);
        return Run(stream, Path.GetFileName(path));
    }

    internal static CorpusRead Run(Stream stream, string name)
    {
        var reader = new Remittance835Reader(stream, name);
        var transactions = new List<TransactionRead>();
        try
        {
            foreach (var t in reader.ReadTransactions()) transactions.Add(t);
            return new CorpusRead(transactions, reader.EnvelopeWarnings, reader.Counts, null);
        }
        catch (X12ParseException e)
        {
            return new CorpusRead(transactions, reader.EnvelopeWarnings, reader.Counts, e);
        }
    }
}
