using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Appeals.Core.Denials;
using static Appeals.Core.Remittances.X12.X12SegmentIds;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// One transaction's bytes, ST through SE, copied out of the file by the reader and mapped on a worker
/// thread or the reader's own (ADR 0012): located, counted and hashed exactly as if it were read in place.
/// A transaction too large to hold is a chain of jobs, one per part (ADR 0090): each part is mapped after the one
/// before it, by the same builder, and the digest runs across the parts.
/// </summary>
internal sealed class TransactionJob
{
    private readonly long _fileOffset;
    private readonly long _segmentsBefore;
    private readonly X12Separators _separators;
    private readonly string _interchangeControlNumber;
    private readonly string _groupControlNumber;
    private readonly DenialDetector? _countWith;
    private readonly bool _hash;
    private TransactionJob? _previous; // the part before this one, for a transaction handed out in parts, until it hands over
    private byte[] _bytes = [];
    private int _length;
    private volatile bool _done;
    private bool _continued; // a part that the next job carries on
    private TransactionBuilder? _builder; // kept for the next part, until it takes it
    private IncrementalHash? _digest;

    /// <summary>Taken at the ST, from the reader's scanner and envelope.</summary>
    internal TransactionJob(X12SegmentScanner at, string interchangeControlNumber, string groupControlNumber, DenialDetector? countWith = null,
        bool hash = true)
    {
        _countWith = countWith;
        _hash = hash;
        _fileOffset = at.SegmentOffset;
        _segmentsBefore = at.SegmentNumber - 1;
        _separators = at.Separators;
        _interchangeControlNumber = interchangeControlNumber;
        _groupControlNumber = groupControlNumber;
    }

    private TransactionJob(X12SegmentScanner at, TransactionJob previous)
        : this(at, previous._interchangeControlNumber, previous._groupControlNumber, previous._countWith, previous._hash)
    {
        _previous = previous;
    }

    /// <summary>Ends this job before the current segment (a CLP) and returns the job of the transaction's next part, which starts there.</summary>
    internal TransactionJob Continue(X12SegmentScanner at)
    {
        _continued = true;
        return new TransactionJob(at, this);
    }

    /// <summary>The mapped transaction, once <see cref="IsDone"/>.</summary>
    internal TransactionRead? Read { get; private set; }

    /// <summary>What mapping this transaction counted; the reader adds it to its own counts in file order.</summary>
    internal X12ReadCounts Counts { get; } = new();

    internal ExceptionDispatchInfo? Failure { get; private set; }

    internal bool IsDone => _done;

    /// <summary>The copied bytes (a pooled array, returned once mapped): through the SE, or through the segment that cut the transaction off.</summary>
    internal void Take((byte[] Bytes, int Length) copied) => (_bytes, _length) = copied;

    /// <summary>Gives the bytes back unmapped, when reading stops before this job ran.</summary>
    internal void Discard()
    {
        if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    internal void Run(MappingScratch scratch, string fileName)
    {
        try
        {
            using var scanner = new X12SegmentScanner(_bytes, _length, fileName, _fileOffset, _segmentsBefore, _separators, scratch.ElementEnds);
            var (builder, digest) = _previous is null
                ? (null, _continued && _hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null)
                : _previous.HandOver();
            _previous = null; // or each part would keep every part before it, and its claims, alive
            digest?.AppendData(_bytes, 0, _length);
            (Read, var mapping) = Map(scanner, scratch, builder);
            if (_continued)
            {
                (_builder, _digest) = (mapping, digest);
                return;
            }
            // Only a transaction closed by its SE is accepted, and then the bytes end with the SE's terminator:
            // the same bytes, so the same digest, as a database made by an earlier build holds (ADR 0011, 0012).
            if (Read.Remittance is { } remittance && _hash)
                remittance.ContentHash = Convert.ToHexStringLower(digest is null ? SHA256.HashData(_bytes.AsSpan(0, _length)) : digest.GetHashAndReset());
            digest?.Dispose();
        }
        catch (Exception e)
        {
            Failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
            lock (this)
            {
                _done = true;
                Monitor.PulseAll(this);
            }
        }
    }

    /// <summary>Waits for this part to be mapped, and hands its builder and digest over to the next part.</summary>
    private (TransactionBuilder, IncrementalHash?) HandOver()
    {
        lock (this)
            while (!_done) Monitor.Wait(this);
        if (_builder is not { } builder)
            throw new InvalidOperationException("The part before this one of the transaction was not mapped.", Failure?.SourceException);
        var handed = (builder, _digest);
        (_builder, _digest) = (null, null);
        return handed;
    }

    private (TransactionRead, TransactionBuilder) Map(X12SegmentScanner scanner, MappingScratch scratch, TransactionBuilder? carriedOn)
    {
        TransactionBuilder transaction;
        if (carriedOn is null)
        {
            scanner.MoveNext(); // the ST
            transaction = new TransactionBuilder(scanner, scratch, Counts, _interchangeControlNumber, _groupControlNumber, _countWith);
        }
        else
        {
            transaction = carriedOn;
            transaction.Continue(scanner, scratch, Counts);
        }
        while (scanner.MoveNext())
        {
            switch (scanner.Id)
            {
                case SE:
                    return (transaction.Finish(closed: true), transaction);
                case ST or GE or IEA or ISA or GS:
                    // The transaction lost its SE: the reader copied the segment that cut it off, to locate the error there.
                    return (transaction.Finish(closed: false), transaction);
                default:
                    transaction.Apply();
                    break;
            }
        }
        // A part ends before the CLP where the next part starts; anything else ends inside the file's last transaction.
        return (_continued ? transaction.FinishPart() : transaction.Finish(closed: false), transaction);
    }
}
