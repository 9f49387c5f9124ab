using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Splits a stream into X12 segments without allocating per segment: one pooled buffer, refilled and
/// compacted as it is consumed, segments found by searching for the terminator, elements addressed by
/// index into the buffer. Memory is bounded by the longest segment (at most <see cref="MaxSegmentLength"/>),
/// never by the file size. Spans it hands out are valid until the next <see cref="MoveNext"/>.
/// </summary>
internal sealed partial class X12SegmentScanner : IDisposable
{
    internal const int MaxSegmentLength = 1024 * 1024;
    private const int InitialSize = 64 * 1024;
    private const int MaxElements = 512;

    private readonly Stream _input;
    private readonly string _fileName;
    private byte[] _buffer;
    // Element i ends at _ends[i] and starts after the previous one's separator (element 0 at 0), relative to the
    // segment start; see NewElementEnds.
    private readonly int[] _ends;
    private readonly bool _ownsBuffer = true;
    private byte[]? _capture; // a transaction's bytes being copied out, from _captureFrom on (ADR 0012)
    private int _captured, _captureFrom, _lastCaptured;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _started;
    private bool _replay;
    private int _gapStart, _segmentStart, _scan, _next;

    internal X12SegmentScanner(Stream input, string fileName)
    {
        _input = input;
        _fileName = fileName;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        _ends = NewElementEnds();
    }

    /// <summary>Room for the most elements a segment can have plus one block, so that recording an end never checks.</summary>
    internal static int[] NewElementEnds() => new int[MaxElements + 64];

    /// <summary>
    /// Scans one transaction already copied out of a file (<see cref="EndCapture"/>), with the separators
    /// in force there; segment numbers and offsets continue from where the bytes were in the file.
    /// The bytes stay the caller's, and so does <paramref name="elementEnds"/> (<see cref="NewElementEnds"/>), reused from one transaction to the next.
    /// </summary>
    internal X12SegmentScanner(byte[] bytes, int length, string fileName, long fileOffset, long segmentsBefore, X12Separators separators,
        int[] elementEnds)
    {
        _ends = elementEnds;
        _input = Stream.Null;
        _fileName = fileName;
        _buffer = bytes;
        _ownsBuffer = false;
        _end = length;
        _eof = true;
        _started = true;
        _bufferOffset = fileOffset;
        SegmentNumber = segmentsBefore;
        Separators = separators;
    }

    internal X12Separators Separators { get; private set; }

    /// <summary>1-based number of the current segment in the file.</summary>
    internal long SegmentNumber { get; private set; }

    /// <summary>0-based byte offset of the current segment's first byte in the file.</summary>
    internal long SegmentOffset { get; private set; }

    /// <summary>The segment id packed as (b0 &lt;&lt; 16 | b1 &lt;&lt; 8 | b2), 0 when it is not 2-3 letters or digits.</summary>
    internal int Id { get; private set; }

    /// <summary>Number of elements including the id (element 0).</summary>
    internal int Count { get; private set; }

    /// <summary>Where the first segment starts (after a BOM and white space), and its id, for file-level issues.</summary>
    internal long FirstSegmentOffset { get; private set; }

    internal string FirstSegmentId { get; private set; } = "";

    /// <summary>Bytes consumed so far, for progress.</summary>
    internal long Position => _bufferOffset + _next;

    internal ReadOnlySpan<byte> this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Count) return default;
            // Unchecked: the splitter only records ends inside the segment, in increasing order, and Count <= _ends.Length.
            ref var ends = ref MemoryMarshal.GetArrayDataReference(_ends);
            var start = index == 0 ? 0 : Unsafe.Add(ref ends, index - 1) + 1;
            return MemoryMarshal.CreateReadOnlySpan(
                ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _segmentStart + start), Unsafe.Add(ref ends, index) - start);
        }
    }

    internal static int Pack(ReadOnlySpan<byte> id) =>
        id.Length switch
        {
            2 when X12Separators.IsAlphaNumeric(id[0]) && X12Separators.IsAlphaNumeric(id[1]) => id[0] << 16 | id[1] << 8,
            3 when X12Separators.IsAlphaNumeric(id[0]) && X12Separators.IsAlphaNumeric(id[1]) && X12Separators.IsAlphaNumeric(id[2])
                => id[0] << 16 | id[1] << 8 | id[2],
            _ => 0,
        };

    /// <summary>Makes the next <see cref="MoveNext"/> return the current segment again.</summary>
    internal void Replay() => _replay = true;

    internal ImportIssue Issue(string segmentId, string field, string message) =>
        new(_fileName, SegmentNumber, SegmentOffset, segmentId, field, message);

    internal bool MoveNext()
    {
        if (_replay)
        {
            _replay = false;
            return true;
        }
        if (!_started) Start();
        _gapStart = _scan = _next;
        var terminator = Separators.Terminator;
        while (true)
        {
            if (_scan >= _end)
            {
                if (Fill()) continue;
                Count = Id = 0; // the previous segment's bytes may be gone
                return false;
            }
            var b = _buffer[_scan];
            if (b != terminator && !IsWhiteSpace(b)) break;
            _scan++;
        }
        _segmentStart = _scan;
        SegmentNumber++;
        SegmentOffset = _bufferOffset + _segmentStart;
        if (Ensure(4) && _buffer[_segmentStart] == 'I' && _buffer[_segmentStart + 1] == 'S' && _buffer[_segmentStart + 2] == 'A'
            && !X12Separators.IsAlphaNumeric(_buffer[_segmentStart + 3]))
            ReadSeparatorsFromIsa();
        SplitToTerminator();
        return true;
    }

    private void Start()
    {
        _started = true;
        Ensure(X12Separators.MaxIsaLength);
        var start = 0;
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) start = 3;
        while (start < _end && IsWhiteSpace(_buffer[start])) start++;
        _next = start;
        SegmentOffset = FirstSegmentOffset = start;
        var head = _buffer.AsSpan(start, _end - start);
        if (head.StartsWith("ISA"u8))
        {
            _segmentStart = start;
            FirstSegmentId = "ISA";
            ReadSeparatorsFromIsa();
        }
        else if (head.StartsWith("ST"u8) && X12Separators.TryFromSt(head, out var fromSt))
        {
            FirstSegmentId = "ST";
            Separators = fromSt;
        }
        else
        {
            SegmentNumber = 1;
            throw new X12ParseException(Issue("", "", head.IsEmpty
                ? "The file is empty."
                : "This is not an X12 file: it starts with neither an ISA nor an ST segment."));
        }
    }

    private void ReadSeparatorsFromIsa()
    {
        Ensure(X12Separators.MaxIsaLength);
        var isa = _buffer.AsSpan(_segmentStart, _end - _segmentStart);
        if (!X12Separators.TryFromIsa(isa, out var separators, out var problem))
        {
            if (SegmentNumber == 0) SegmentNumber = 1;
            throw new X12ParseException(Issue("ISA", "", problem));
        }
        Separators = separators;
    }

    /// <summary>Starts copying out the bytes from the current segment (an ST) on.</summary>
    internal void StartCapture()
    {
        _capture ??= ArrayPool<byte>.Shared.Rent(Math.Max(InitialSize, _lastCaptured)); // transactions in a file are often alike in size
        _captured = 0;
        _captureFrom = _segmentStart;
    }

    /// <summary>
    /// Stops copying after the current segment's terminator and hands over the bytes copied since
    /// <see cref="StartCapture"/> (a pooled array the taker returns), with where they start in the file.
    /// </summary>
    internal (byte[] Bytes, int Length) EndCapture()
    {
        Capture(_next);
        var bytes = _capture!;
        _capture = null;
        _lastCaptured = _captured;
        return (bytes, _captured);
    }

    /// <summary>Bytes copied out since <see cref="StartCapture"/>, through the current segment.</summary>
    internal long CapturedLength => _captured + (_next - _captureFrom);

    /// <summary>
    /// Hands over the bytes copied since <see cref="StartCapture"/> up to the current segment, which is not among them,
    /// and goes on copying from the current segment: a transaction too large to hold is cut into parts this way
    /// (ADR 0090), and the parts joined are exactly the transaction's bytes.
    /// </summary>
    internal (byte[] Bytes, int Length) CutCapture()
    {
        Capture(_segmentStart);
        var bytes = _capture!;
        var length = _captured;
        _capture = ArrayPool<byte>.Shared.Rent(Math.Max(InitialSize, length));
        _captured = 0;
        return (bytes, length);
    }

    private void Capture(int upTo)
    {
        var length = upTo - _captureFrom;
        if (_captured + length > _capture!.Length) _capture = Grow(_capture, _captured + length, _captured);
        Buffer.BlockCopy(_buffer, _captureFrom, _capture, _captured, length);
        _captured += length;
        _captureFrom = upTo;
    }

    /// <summary>A pooled array of at least <paramref name="needed"/> (and twice the old) bytes, holding the first <paramref name="used"/>; the old one goes back to the pool.</summary>
    private static byte[] Grow(byte[] array, int needed, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, needed));
        Buffer.BlockCopy(array, 0, larger, 0, used);
        ArrayPool<byte>.Shared.Return(array);
        return larger;
    }

    /// <summary>Makes at least <paramref name="bytes"/> bytes from the segment start available, unless the file ends first.</summary>
    private bool Ensure(int bytes)
    {
        while (_end - _segmentStart < bytes)
            if (!Fill()) return false;
        return true;
    }

    /// <summary>Drops consumed bytes, grows the buffer when one segment fills it, reads more. False at end of file.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        if (_gapStart > 0)
        {
            var shift = _gapStart;
            if (_capture is not null)
            {
                // Bytes before the gap are about to be dropped: copy them out first.
                Capture(shift);
                _captureFrom = 0;
            }
            Buffer.BlockCopy(_buffer, shift, _buffer, 0, _end - shift);
            _end -= shift;
            _bufferOffset += shift;
            _gapStart = 0;
            _segmentStart -= shift;
            _scan -= shift;
            _next -= shift;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length > 2 * MaxSegmentLength)
                throw new X12ParseException(Issue("", "", $"No segment within {MaxSegmentLength / 1024} KB: the file is not X12 or its terminator is wrong."));
            _buffer = Grow(_buffer, _buffer.Length * 2, _end);
        }
        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    // Inlined: called per byte between segments; the JIT kept it a call (ADR 0147).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v' or 0;

    public void Dispose()
    {
        if (_capture is not null) ArrayPool<byte>.Shared.Return(_capture);
        _capture = null;
        if (_ownsBuffer && _buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
