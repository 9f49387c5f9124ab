using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using static Appeals.Core.Remittances.X12.X12SegmentIds;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// One transaction's bytes, ST through SE, copied out of the file by the reader and mapped on a worker
/// thread or the reader's own (ADR 0012): located, counted and hashed exactly as if it were read in place.
/// </summary>
internal sealed class TransactionJob
{
    private readonly long _fileOffset;
    private readonly long _segmentsBefore;
    private readonly X12Separators _separators;
    private readonly string _interchangeControlNumber;
    private readonly string _groupControlNumber;
    private byte[] _bytes = [];
    private int _length;
    private volatile bool _done;

    /// <summary>Taken at the ST, from the reader's scanner and envelope.</summary>
    internal TransactionJob(X12SegmentScanner at, string interchangeControlNumber, string groupControlNumber)
    {
        _fileOffset = at.SegmentOffset;
        _segmentsBefore = at.SegmentNumber - 1;
        _separators = at.Separators;
        _interchangeControlNumber = interchangeControlNumber;
        _groupControlNumber = groupControlNumber;
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
            Read = Map(scanner, scratch);
            // Only a transaction closed by its SE is accepted, and then the bytes end with the SE's terminator:
            // the same bytes, so the same digest, as a database made by an earlier build holds (ADR 0011, 0012).
            if (Read.Remittance is { } remittance)
                remittance.ContentHash = Convert.ToHexStringLower(SHA256.HashData(_bytes.AsSpan(0, _length)));
        }
        catch (Exception e)
        {
            Failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
            _done = true;
        }
    }

    private TransactionRead Map(X12SegmentScanner scanner, MappingScratch scratch)
    {
        scanner.MoveNext(); // the ST
        var transaction = new TransactionBuilder(scanner, scratch, Counts, _interchangeControlNumber, _groupControlNumber);
        while (scanner.MoveNext())
        {
            switch (scanner.Id)
            {
                case SE:
                    return transaction.Finish(closed: true);
                case ST or GE or IEA or ISA or GS:
                    // The transaction lost its SE: the reader copied the segment that cut it off, to locate the error there.
                    return transaction.Finish(closed: false);
                default:
                    transaction.Apply();
                    break;
            }
        }
        return transaction.Finish(closed: false); // the file ends inside it
    }
}
