using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Appeals.Core.Remittances.X12;

/// <summary>Finding the terminator and the element bounds of the current segment.</summary>
internal sealed partial class X12SegmentScanner
{
    /// <summary>
    /// One pass over the segment, 32 bytes at a time: a block compare yields bit masks of the element
    /// separators and the terminator, and each set bit becomes an element bound. Segments are short
    /// (most fit in one block), so this beats a search call per element. The tail near the end of the
    /// buffer goes byte by byte, then the buffer is refilled. Bounds are relative to the segment start,
    /// so they survive a refill that moves the segment within the buffer.
    /// </summary>
    private void SplitToTerminator()
    {
        var terminator = Separators.Terminator;
        var element = Separators.Element;
        var terminators = Vector256.Create(terminator);
        var elements = Vector256.Create(element);
        int count = 0, elementStart = 0, scan = 0;
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
                    count = AddAll(count, ref elementStart, scan, separators & ((1u << at) - 1));
                    End(count, elementStart, scan + at, _segmentStart + scan + at + 1);
                    return;
                }
                count = AddAll(count, ref elementStart, scan, separators);
                scan += Vector256<byte>.Count;
            }
            for (; scan < available; scan++)
            {
                var b = _buffer[_segmentStart + scan];
                if (b == terminator)
                {
                    End(count, elementStart, scan, _segmentStart + scan + 1);
                    return;
                }
                if (b != element || count >= MaxElements - 1) continue;
                count = Add(count, elementStart, scan);
                elementStart = scan + 1;
            }
            if (scan > MaxSegmentLength)
                throw new X12ParseException(Issue("", "", $"No segment terminator ('{(char)terminator}') within {MaxSegmentLength / 1024} KB: the file is not X12 or its terminator is wrong."));
            if (Fill()) continue;
            End(count, elementStart, scan, _end); // the last segment may lack its terminator
            return;
        }
    }

    private int AddAll(int count, ref int elementStart, int blockStart, uint separators)
    {
        for (; separators != 0 && count < MaxElements - 1; separators &= separators - 1)
        {
            var at = blockStart + BitOperations.TrailingZeroCount(separators);
            count = Add(count, elementStart, at);
            elementStart = at + 1;
        }
        return count;
    }

    private void End(int count, int elementStart, int end, int next)
    {
        _next = next;
        Count = AddLast(count, elementStart, end);
        Id = Pack(this[0]);
    }

    private int AddLast(int count, int start, int end)
    {
        while (end > start && X12Separators.IsLineBreak(_buffer[_segmentStart + end - 1])) end--;
        return Add(count, start, end);
    }

    private int Add(int count, int start, int end)
    {
        if (2 * count + 2 > _bounds.Length) Array.Resize(ref _bounds, _bounds.Length * 2);
        _bounds[2 * count] = start;
        _bounds[2 * count + 1] = end;
        return count + 1;
    }
}
