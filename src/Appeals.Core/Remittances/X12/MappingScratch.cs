namespace Appeals.Core.Remittances.X12;

/// <summary>
/// One mapping thread's reusable state: the code cache, the scanner's element table, and lists that
/// collect a transaction's claims and a claim's lines, adjustments and remarks while its segments stream
/// past. When the claim (or transaction) ends they are copied into lists of exactly that size, instead of
/// growing each list by doubling: on the bench file the arrays left over from doubling were a tenth of
/// what the reader allocated.
/// </summary>
internal sealed class MappingScratch
{
    internal X12CodeCache Codes { get; } = new();
    internal int[] ElementEnds { get; } = X12SegmentScanner.NewElementEnds();
    internal List<ServiceLine> Lines { get; } = [];
    internal List<Adjustment> Adjustments { get; } = [];
    internal List<RemarkCode> Remarks { get; } = [];
    internal List<ClaimPayment> Claims { get; } = [];

    /// <summary>Moves what <paramref name="from"/> collected into <paramref name="to"/>, sized exactly, and empties <paramref name="from"/>.</summary>
    internal static void Move<T>(List<T> from, List<T> to)
    {
        if (from.Count == 0) return;
        to.Capacity = to.Count + from.Count;
        to.AddRange(from);
        from.Clear();
    }

    /// <summary>Empties every list, for a transaction that starts over (the previous one may have stopped part-way).</summary>
    internal void Clear()
    {
        Lines.Clear();
        Adjustments.Clear();
        Remarks.Clear();
        Claims.Clear();
    }
}
