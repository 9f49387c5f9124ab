using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Appeals.Core.Remittances.X12;

/// <summary>Passing over the inside of a transaction on the thread that copies it out (ADR 0012).</summary>
internal sealed partial class X12SegmentScanner
{
    /// <summary>
    /// Moves past segments that cannot end a transaction, counting them as <see cref="MoveNext"/> would,
    /// to the next one whose first two bytes could start SE, ST, GE, GS, IEA or ISA, and reads that one
    /// with <see cref="MoveNext"/> (so its id is exact). Anything unusual (the end of what is buffered, a
    /// replayed segment) is left to <see cref="MoveNext"/> too, and so is the first segment that starts once
    /// <see cref="CapturedLength"/> has reached <paramref name="captureLimit"/>. False at end of file.
    /// </summary>
    internal bool MoveToPossibleTransactionEnd(long captureLimit = long.MaxValue)
    {
        if (_replay || !_started) return MoveNext();
        var terminator = Separators.Terminator;
        ref var data = ref MemoryMarshal.GetArrayDataReference(_buffer);
        int position = _next, end = _end;
        // The buffer position where the copy reaches the limit.
        var limit = captureLimit >= int.MaxValue || _capture is null ? long.MaxValue : captureLimit - _captured + _captureFrom;
        while (true)
        {
            while (position < end && IsGap(Unsafe.Add(ref data, position), terminator)) position++;
            if (end - position < 2 || position >= limit || MayEndTransaction(Unsafe.Add(ref data, position), Unsafe.Add(ref data, position + 1))) break;
            var at = IndexOf(ref data, position + 1, end, terminator);
            if (at < 0) break;
            SegmentNumber++;
            position = _next = at + 1;
        }
        return MoveNext();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsGap(byte b, byte terminator) => b == terminator || IsWhiteSpace(b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayEndTransaction(byte first, byte second) => first switch
    {
        (byte)'S' => second is (byte)'E' or (byte)'T',
        (byte)'G' => second is (byte)'E' or (byte)'S',
        (byte)'I' => second is (byte)'E' or (byte)'S',
        _ => false,
    };

    /// <summary>
    /// The first <paramref name="value"/> in [<paramref name="from"/>, <paramref name="end"/>), or -1. Segments are
    /// about 20 bytes, mostly found in the first block: in A/B runs this beat <c>Span.IndexOf</c>, with its
    /// length dispatch per call, by about 3 % of the reader's MB per CPU-second.
    /// </summary>
    private static int IndexOf(ref byte data, int from, int end, byte value)
    {
        var i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            var values = Vector256.Create(value);
            for (; end - i >= Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var found = Vector256.Equals(Vector256.LoadUnsafe(ref data, (nuint)i), values).ExtractMostSignificantBits();
                if (found != 0) return i + BitOperations.TrailingZeroCount(found);
            }
        }
        for (; i < end; i++)
            if (Unsafe.Add(ref data, i) == value) return i;
        return -1;
    }
}
