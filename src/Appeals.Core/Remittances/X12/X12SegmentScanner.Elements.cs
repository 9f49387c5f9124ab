using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Appeals.Core.Remittances.X12;

/// <summary>Finding the terminator and the element bounds of the current segment.</summary>
internal sealed partial class X12SegmentScanner
{
    /// <summary>
    /// One pass over the segment, 32 bytes at a time: a block compare yields bit masks of the element
    /// separators and the terminator, and each set bit becomes an element end. Segments are short
    /// (most fit in one block), so this beats a search call per element. The tail near the end of the
    /// buffer goes byte by byte, then the buffer is refilled. Ends are relative to the segment start,
    /// so they survive a refill that moves the segment within the buffer.
    /// </summary>
    private void SplitToTerminator()
    {
        var terminator = Separators.Terminator;
        var element = Separators.Element;
        var terminators = Vector256.Create(terminator);
        var elements = Vector256.Create(element);
        int count = 0, scan = 0;
        while (true)
        {
            var available = _end - _segmentStart;
            while (Vector256.IsHardwareAccelerated && available - scan >= Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_buffer), (nuint)(_segmentStart + scan));
                var ends = Vector256.Equals(block, terminators).ExtractMostSignificantBits();
                var separators = Vector256.Equals(block, elements).ExtractMostSignificantBits();
                if (ends != 0)
                {
                    var at = BitOperations.TrailingZeroCount(ends);
                    count = AddAll(count, scan, separators & ((1u << at) - 1));
                    End(count, scan + at, _segmentStart + scan + at + 1);
                    return;
                }
                count = AddAll(count, scan, separators);
                scan += Vector256<byte>.Count;
            }
            for (; scan < available; scan++)
            {
                var b = _buffer[_segmentStart + scan];
                if (b == terminator)
                {
                    End(count, scan, _segmentStart + scan + 1);
                    return;
                }
                if (b != element || count >= MaxElements - 1) continue;
                _ends[count++] = scan;
            }
            if (scan > MaxSegmentLength)
                throw new X12ParseException(Issue("", "", $"No segment terminator ('{(char)terminator}') within {MaxSegmentLength / 1024} KB: the file is not X12 or its terminator is wrong."));
            if (Fill()) continue;
            End(count, scan, _end); // the last segment may lack its terminator
            return;
        }
    }

    /// <summary>Records an element end at each set bit; past <see cref="MaxElements"/> the last element takes in the rest.</summary>
    private int AddAll(int count, int blockStart, uint separators)
    {
        // _ends has room for MaxElements plus a whole block, so below the limit no check is needed per bit.
        ref var ends = ref MemoryMarshal.GetArrayDataReference(_ends);
        if (count < MaxElements - 1 - Vector256<byte>.Count)
        {
            for (; separators != 0; separators &= separators - 1)
                Unsafe.Add(ref ends, count++) = blockStart + BitOperations.TrailingZeroCount(separators);
            return count;
        }
        for (; separators != 0 && count < MaxElements - 1; separators &= separators - 1)
            _ends[count++] = blockStart + BitOperations.TrailingZeroCount(separators);
        return count;
    }

    private void End(int count, int end, int next)
    {
        _next = next;
        var start = count == 0 ? 0 : _ends[count - 1] + 1;
        while (end > start && X12Separators.IsLineBreak(_buffer[_segmentStart + end - 1])) end--;
        _ends[count] = end;
        Count = count + 1;
        Id = Pack(this[0]);
    }
}
