using System.Runtime.ExceptionServices;
using Appeals.Core.Denials;
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

    /// <summary>Worker threads besides the reader's own; null for one per processor beyond the first (ADR 0012). Tests set 0 to 3.</summary>
    internal int? MappingThreads { get; init; }

    /// <summary>
    /// When set, a transaction whose bytes pass this size is handed out in parts, cut before a CLP: each part a
    /// <see cref="TransactionRead"/> with <see cref="TransactionRead.Continued"/> true, holding the remittance's header
    /// and the claims of that part, and the last one the rest (ADR 0090). Memory is then bounded by the part size, not
    /// by the transaction; the importer sets it. Null (the default) hands out whole transactions.
    /// </summary>
    internal int? PartBytes { get; init; }

    /// <summary>
    /// When set (a dry run, ADR 0093), claims are not kept: each is classified with this detector, counted into
    /// <see cref="TransactionRead.Totals"/> and dropped as it ends, on the thread that maps it; remittances come without claims.
    /// Warnings and errors are the same as when claims are kept.
    /// </summary>
    internal DenialDetector? CountClaimsWith { get; init; }

    /// <summary>
    /// False when nothing will look the transactions up by their content: each remittance then comes with an empty
    /// <see cref="Remittance.ContentHash"/>, and hashing (about 5 % of a dry run's CPU) is left out. A dry run without a
    /// database sets it; the default hashes.
    /// </summary>
    internal bool HashContent { get; init; } = true;

    /// <summary>Bytes consumed so far, for progress reporting.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Streams transactions in file order. Enumerate once: the stream is read forward. This thread scans
    /// and copies each transaction out; worker threads map and hash the copies, and so does this thread
    /// whenever it is far enough ahead (ADR 0012). Whatever was complete before the file breaks comes out
    /// before the exception.
    /// </summary>
    public IEnumerable<TransactionRead> ReadTransactions()
    {
        using var scanner = new X12SegmentScanner(_input, _fileName);
        using var workers = MappingThreads is { } threads ? new TransactionWorkers(_fileName, threads) : TransactionWorkers.ForThisMachine(_fileName);
        var envelope = new X12EnvelopeTracker(scanner, new X12CodeCache(), _envelopeWarnings);
        var started = new Queue<TransactionJob>();
        TransactionJob? open = null; // its ST was seen: copying until its SE
        ExceptionDispatchInfo? broken = null;
        var partBytes = PartBytes ?? long.MaxValue;
        while (true)
        {
            try
            {
                // Inside a transaction only a segment that may end it matters here, until the transaction is large enough to
                // cut before its next CLP: the thread that maps it reads the rest.
                var segmentWise = open is null || scanner.CapturedLength >= partBytes;
                if (!(segmentWise ? scanner.MoveNext() : scanner.MoveToPossibleTransactionEnd(partBytes))) break;
            }
            catch (Exception e)
            {
                broken = ExceptionDispatchInfo.Capture(e);
                break;
            }
            if (open is null)
            {
                if (scanner.Id == ST)
                {
                    envelope.TransactionStarted();
                    open = new TransactionJob(scanner, envelope.InterchangeControlNumber, envelope.GroupControlNumber, CountClaimsWith, HashContent);
                    scanner.StartCapture();
                }
                else envelope.Apply();
                continue;
            }
            switch (scanner.Id)
            {
                case SE:
                    Start(open, scanner.EndCapture());
                    open = null;
                    break;
                case ST or GE or IEA or ISA or GS:
                    // The transaction lost its SE; this segment goes with it to locate the error, and is read again after.
                    scanner.Replay();
                    Start(open, scanner.EndCapture());
                    open = null;
                    break;
                case CLP when scanner.CapturedLength >= partBytes:
                    var part = open;
                    open = part.Continue(scanner);
                    Start(part, scanner.CutCapture());
                    break;
                default:
                    continue;
            }
            while (true)
            {
                while (started.TryPeek(out var first) && first.IsDone) yield return HandOut(started.Dequeue(), scanner);
                if (started.Count < workers.MaxInFlight && workers.Unstarted < workers.MaxAhead) break; // scan on
                if (!workers.RunOneHere()) workers.Wait(started.Peek());
            }
        }
        if (open is not null && broken is null) Start(open, scanner.EndCapture());
        while (started.TryDequeue(out var next))
        {
            while (!next.IsDone)
                if (!workers.RunOneHere()) workers.Wait(next);
            yield return HandOut(next, scanner);
        }
        broken?.Throw();
        envelope.Finish();
        if (Counts.Transactions == 0)
            throw new X12ParseException(new ImportIssue(_fileName, 1, scanner.FirstSegmentOffset, scanner.FirstSegmentId, "",
                "The file holds no 835 transaction: there is no ST segment."));


        // The copy ends after the current segment (the SE, the one that cut the transaction off, or the file's last), or
        // before it (a CLP where a large transaction is cut into parts).
        void Start(TransactionJob job, (byte[] Bytes, int Length) copied)
        {
            job.Take(copied);
            workers.Start(job);
            started.Enqueue(job);
        }
    }

    private TransactionRead HandOut(TransactionJob job, X12SegmentScanner scanner)
    {
        job.Failure?.Throw();
        Counts.Add(job.Counts);
        BytesRead = scanner.Position;
        return job.Read!;
    }
}
