using Appeals.Core.Imports;
using static Appeals.Core.Remittances.X12.X12SegmentIds;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Streams the transactions of an X12 835 file. Separators come from ISA (or, with no envelope, from
/// the ST segment); one transaction is held in memory at a time, so memory is bounded by the largest
/// transaction and the longest segment, not by the file. A transaction with bad content comes back
/// with <see cref="TransactionRead.Remittance"/> null and located errors, and reading goes on at the
/// next ST. Only a file that cannot be read as X12 at all throws <see cref="X12ParseException"/>.
/// </summary>
public sealed class Remittance835Reader
{
    private readonly Stream _input;
    private readonly string _fileName;
    private readonly List<ImportIssue> _envelopeWarnings = [];

    /// <param name="input">The file's bytes; read forward once, not disposed.</param>
    /// <param name="fileName">The name put in every issue.</param>
    public Remittance835Reader(Stream input, string fileName)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _fileName = fileName;
    }

    /// <summary>Envelope problems (GE/IEA counts, control number mismatches, stray segments): complete when enumeration ends.</summary>
    public IReadOnlyList<ImportIssue> EnvelopeWarnings => _envelopeWarnings;

    /// <summary>Segments mapped so far, by kind.</summary>
    public X12ReadCounts Counts { get; } = new();

    /// <summary>Bytes consumed so far, for progress reporting.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Streams transactions in file order. Enumerate once: the stream is read forward.</summary>
    public IEnumerable<TransactionRead> ReadTransactions()
    {
        using var scanner = new X12SegmentScanner(_input, _fileName);
        using var hash = new X12TransactionHasher();
        var codes = new X12CodeCache();
        var envelope = new X12EnvelopeTracker(scanner, codes, _envelopeWarnings);
        while (Next(scanner, hash, codes, envelope) is { } read)
        {
            BytesRead = scanner.Position;
            yield return read;
        }
        BytesRead = scanner.Position;
        envelope.Finish();
        if (Counts.Transactions == 0)
            throw new X12ParseException(new ImportIssue(_fileName, 1, scanner.FirstSegmentOffset, scanner.FirstSegmentId, "",
                "The file holds no 835 transaction: there is no ST segment."));
    }

    private TransactionRead? Next(X12SegmentScanner scanner, X12TransactionHasher hash, X12CodeCache codes, X12EnvelopeTracker envelope)
    {
        TransactionBuilder? transaction = null;
        while (scanner.MoveNext())
        {
            var id = scanner.Id;
            if (transaction is null)
            {
                if (id != ST)
                {
                    envelope.Apply();
                    continue;
                }
                envelope.TransactionStarted();
                scanner.StartHash(hash);
                transaction = new TransactionBuilder(scanner, codes, Counts,
                    envelope.InterchangeControlNumber, envelope.GroupControlNumber);
                continue;
            }
            switch (id)
            {
                case SE:
                    return transaction.Finish(closed: true, scanner.FinishHash());
                case ST or GE or IEA or ISA or GS:
                    // The transaction lost its SE; this segment belongs to what follows.
                    scanner.Replay();
                    return transaction.Finish(closed: false, scanner.AbandonHash());
                default:
                    transaction.Apply();
                    break;
            }
        }
        var digest = scanner.AbandonHash();
        return transaction?.Finish(closed: false, digest);
    }
}
